import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsInstant } from '../http/iso-dates';
import { PAYMENT_METHODS, PaymentMethod } from '@app/domain';

export class DraftContractDto {
  @ApiProperty() @IsUUID() customerId!: string;

  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsIn(PAYMENT_METHODS as unknown as string[])
  paymentMethod!: PaymentMethod;
}

export class SignContractDto {
  @ApiPropertyOptional({ description: 'Required for direct debit; validated (rule R4)' })
  @IsOptional()
  @IsString()
  @MaxLength(42)
  iban?: string | null;

  @ApiProperty() @IsString() @MaxLength(200) signatory!: string;

  @ApiPropertyOptional({ description: 'SEPA mandate reference; required for direct debit' })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  mandateReference?: string | null;

  @ApiProperty({ example: '2026-03-01T10:00:00Z' }) @IsInstant() signedAt!: string;
}

export class ChangeSignatureIbanDto {
  @ApiProperty() @IsString() @MaxLength(42) iban!: string;

  @ApiPropertyOptional({ description: 'Left out: the current mandate is kept' })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  mandateReference?: string | null;
}

export class TerminateContractDto {
  @ApiProperty() @IsString() @MaxLength(500) reason!: string;
  @ApiPropertyOptional() @IsOptional() @IsInstant() terminatedAt?: string;
}
