import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_INVOICE_SERIES_LENGTH, MAX_RETURNED_DEBIT_FEE_CENTS } from '@app/domain';
import { AddressDto } from '../customers/customer-request.dto';
import { nullableText } from '../http/openapi-types';

/** The most invoice series one issuer may own. */
const MAX_SERIES = 100;

/** What an issuer is (rule 21); the domain checks the NIF, creditor id, IBAN and series codes. */
class IssuerFieldsDto {
  @ApiPropertyOptional({
    ...nullableText,
    example: 'ES11ZZZB12345674',
    description: 'SEPA creditor identifier, its check digits verified; null: no direct debits',
  })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  creditorId?: string | null;

  @ApiPropertyOptional({
    ...nullableText,
    example: 'ES91 2100 0418 4502 0005 1332',
    description: 'The account remittances collect into (validated, rule R4)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(42)
  creditorIban?: string | null;

  @ApiPropertyOptional({ ...nullableText, example: 'CAIXESBBXXX' })
  @IsOptional()
  @IsString()
  @MaxLength(11)
  creditorBic?: string | null;

  @ApiPropertyOptional({
    example: 300,
    description: 'Rule 19: charged on the next invoice for each returned debit; 0: none',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_RETURNED_DEBIT_FEE_CENTS)
  returnedDebitFeeCents?: number;

  @ApiPropertyOptional({
    example: 'reminder:7,warning:15,suspend:30,cancel:90',
    description: "Rule 20's steps and days overdue (the default when left out)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  dunningPolicy?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['F2026', 'W2026'],
    description: 'Invoice series it owns; each belongs to one issuer at most',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SERIES)
  @IsString({ each: true })
  @MaxLength(MAX_INVOICE_SERIES_LENGTH, { each: true })
  series?: string[];
}

export class RegisterIssuerDto extends IssuerFieldsDto {
  @ApiProperty({ example: 'Fibra Norte SL' })
  @IsString()
  @MaxLength(200)
  legalName!: string;

  @ApiProperty({
    example: 'B12345674',
    description: "CIF of a company, or DNI/NIE of a self-employed issuer; checked; can't change",
  })
  @IsString()
  @MaxLength(20)
  nif!: string;

  @ApiProperty({
    type: AddressDto,
    example: { street: 'Calle Mayor 1', postalCode: '28001', city: 'Madrid', country: 'ES' },
  })
  @IsObject()
  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto;
}

/** The fields given are set; the NIF may be repeated, never changed. */
export class EditIssuerDto extends IssuerFieldsDto {
  @ApiPropertyOptional({ example: 'Fibra Norte SLU' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  legalName?: string;

  @ApiPropertyOptional({
    example: 'B12345674',
    description: 'Only the registered NIF (another is R21.NIF_IMMUTABLE)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  nif?: string;

  @ApiPropertyOptional({
    type: AddressDto,
    example: { city: 'Getafe', postalCode: '28901' },
    description: 'The address fields given are set',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;
}
