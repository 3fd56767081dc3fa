import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsInstant } from '../http/iso-dates';
import { nullableText } from '../http/openapi-types';
import { PAYMENT_METHODS, PaymentMethod } from '@app/domain';

export class DraftContractDto {
  @ApiProperty({ example: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b' }) @IsUUID() customerId!: string;

  @ApiProperty({ enum: PAYMENT_METHODS, example: 'direct_debit' })
  @IsIn([...PAYMENT_METHODS])
  paymentMethod!: PaymentMethod;
}

export class SignContractDto {
  @ApiPropertyOptional({
    ...nullableText,
    example: 'ES9121000418450200051332',
    description: 'Required for direct debit; validated (rule R4)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(42)
  iban?: string | null;

  @ApiProperty({ example: 'Ana García López' }) @IsString() @MaxLength(200) signatory!: string;

  @ApiPropertyOptional({
    ...nullableText,
    example: 'MNDT-2026-0001',
    description: 'SEPA mandate reference; required for direct debit',
  })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  mandateReference?: string | null;

  @ApiProperty({ example: '2026-03-01T10:00:00Z' }) @IsInstant() signedAt!: string;
}

export class ChangeSignatureIbanDto {
  @ApiProperty({ example: 'ES7921000813610123456789' }) @IsString() @MaxLength(42) iban!: string;

  @ApiPropertyOptional({
    ...nullableText,
    example: 'MNDT-2026-0002',
    description: 'Left out: the current mandate is kept',
  })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  mandateReference?: string | null;
}

export class TerminateContractDto {
  @ApiProperty({ example: 'Customer moved abroad' }) @IsString() @MaxLength(500) reason!: string;
  @ApiPropertyOptional({ example: '2026-06-30T12:00:00Z' })
  @IsOptional()
  @IsInstant()
  terminatedAt?: string;
}
