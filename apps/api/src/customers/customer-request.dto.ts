import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { DOCUMENT_TYPES, PERSON_TYPES } from '@app/domain';

const TEXT = 200;

export class DocumentDto {
  @ApiPropertyOptional({ enum: DOCUMENT_TYPES })
  @IsIn(DOCUMENT_TYPES as unknown as string[])
  type!: string;

  @ApiPropertyOptional({ example: '12345678Z' })
  @IsString()
  @MaxLength(40)
  number!: string;
}

export class AddressDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) street?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) city?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) neighbourhood?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) province?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) postalCode?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) country?: string | null;
}

/**
 * The customer form (API.md, POST /customers). Types and sizes are checked here (400); the
 * domain's rules — person type names R1, e-mail R2, document checksum R3 — answer 422.
 * A field sent as null on PATCH clears it.
 */
export class CustomerFormDto {
  @ApiPropertyOptional({ enum: PERSON_TYPES, default: 'other' })
  @IsOptional()
  @IsIn(PERSON_TYPES as unknown as string[])
  personType?: 'other' | 'natural' | 'legal';

  @ApiPropertyOptional({ description: 'Full name (the only name other and legal persons need)' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  name?: string | null;
  @ApiPropertyOptional({ description: 'First given name' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  givenName?: string | null;
  @ApiPropertyOptional({ description: 'Second given name' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  middleName?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) firstSurname?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) secondSurname?: string | null;

  @ApiPropertyOptional({ type: DocumentDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DocumentDto)
  document?: DocumentDto | null;

  @ApiPropertyOptional({ example: 'ana@example.com' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) phone?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) mobile?: string | null;

  @ApiPropertyOptional({ type: AddressDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto | null;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) zone?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) seller?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) collector?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) observations?: string | null;
  @ApiPropertyOptional({ description: "The operator's own customer id" })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  code?: string | null;
}
