import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { DOCUMENT_TYPES, PERSON_TYPES } from '@app/domain';
import { nullableText } from '../http/openapi-types';

const TEXT = 200;

export class DocumentDto {
  @ApiProperty({ enum: DOCUMENT_TYPES, example: 'dni' })
  @IsIn([...DOCUMENT_TYPES])
  type!: string;

  @ApiProperty({ example: '12345678Z' })
  @IsString()
  @MaxLength(40)
  number!: string;
}

export class AddressDto {
  @ApiPropertyOptional({ ...nullableText, example: 'Calle Mayor 1' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  street?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: 'Madrid' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  city?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: 'Centro' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  neighbourhood?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: 'Madrid' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  province?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: '28013' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  postalCode?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: 'ES' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  country?: string | null;
}

/**
 * The customer form (API.md, POST /customers). Types and sizes are checked here (400); the
 * domain's rules — person type names R1, e-mail R2, document checksum R3 — answer 422.
 * A field sent as null on PATCH clears it.
 */
export class CustomerFormDto {
  // No `default` in the schema: generated clients (openapi-typescript) make such a field required.
  @ApiPropertyOptional({ enum: PERSON_TYPES, example: 'legal', description: 'Default: other' })
  @IsOptional()
  @IsIn([...PERSON_TYPES])
  personType?: 'other' | 'natural' | 'legal';

  @ApiPropertyOptional({
    ...nullableText,
    example: 'Fibra Norte SL',
    description: 'Full name (the only name other and legal persons need)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  name?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: 'Ana', description: 'First given name' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  givenName?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: 'María', description: 'Second given name' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  middleName?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: 'García' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  firstSurname?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: 'López' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  secondSurname?: string | null;

  @ApiPropertyOptional({ type: DocumentDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DocumentDto)
  document?: DocumentDto | null;

  @ApiPropertyOptional({ ...nullableText, example: 'info@fibranorte.example' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: '+34 910 000 000' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: '+34 600 000 000' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  mobile?: string | null;

  @ApiPropertyOptional({ type: AddressDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto | null;

  @ApiPropertyOptional({ ...nullableText, example: 'North' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  zone?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: 'Lucía' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  seller?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: 'Office' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  collector?: string | null;
  @ApiPropertyOptional({
    ...nullableText,
    example: '7d2f9c1e-4b3a-4f6e-9a8b-1c2d3e4f5a6b',
    description: 'Rule 28: the zone by its catalog id (GET /catalogs/zones), instead of `zone`',
  })
  @IsOptional()
  @IsUUID()
  zoneId?: string | null;
  @ApiPropertyOptional({
    ...nullableText,
    example: '5e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b',
    description: 'Rule 28: the seller by its catalog id, instead of `seller`',
  })
  @IsOptional()
  @IsUUID()
  sellerId?: string | null;
  @ApiPropertyOptional({
    ...nullableText,
    example: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
    description: 'Rule 28: the collector by its catalog id, instead of `collector`',
  })
  @IsOptional()
  @IsUUID()
  collectorId?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: 'Prefers e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  observations?: string | null;
  @ApiPropertyOptional({
    ...nullableText,
    example: 'C-0042',
    description: "The operator's own customer id",
  })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  code?: string | null;
}
