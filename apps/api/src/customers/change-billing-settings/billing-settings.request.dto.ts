import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { PAYMENT_METHODS } from '@app/domain';

/** The billing tab (API.md, PUT /customers/:id/billing-settings); fields left out keep their value. */
export class BillingSettingsDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() billingEnabled?: boolean;

  @ApiPropertyOptional({ enum: PAYMENT_METHODS })
  @IsOptional()
  @IsIn(PAYMENT_METHODS as unknown as string[])
  paymentMethod?: 'direct_debit' | 'transfer' | 'card' | 'cash' | null;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) invoiceSeries?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 28, description: 'Rule R11: 1–28' })
  @IsOptional()
  @IsInt()
  billingDay?: number;

  @ApiPropertyOptional({
    description: "Customer-level IBAN (billing charges the signature's, rule R4)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(42)
  iban?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) taxId?: string | null;

  @ApiPropertyOptional({ example: 21 }) @IsOptional() @IsNumber() vatRatePercent?: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(254, { each: true })
  notifyEmails?: string[];

  @ApiPropertyOptional() @IsOptional() @IsBoolean() sendInvoiceEmail?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() sendPaymentEmail?: boolean;
}
