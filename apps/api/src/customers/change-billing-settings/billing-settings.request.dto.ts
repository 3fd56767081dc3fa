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
import { nullableText } from '../../http/openapi-types';

/** The billing tab (API.md, PUT /customers/:id/billing-settings); fields left out keep their value. */
export class BillingSettingsDto {
  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() billingEnabled?: boolean;

  @ApiPropertyOptional({ enum: PAYMENT_METHODS, nullable: true, example: 'direct_debit' })
  @IsOptional()
  @IsIn([...PAYMENT_METHODS])
  paymentMethod?: 'direct_debit' | 'transfer' | 'card' | 'cash' | null;

  @ApiPropertyOptional({ ...nullableText, example: 'A' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  invoiceSeries?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 28, example: 5, description: 'Rule R11: 1–28' })
  @IsOptional()
  @IsInt()
  billingDay?: number;

  @ApiPropertyOptional({
    ...nullableText,
    example: 'ES9121000418450200051332',
    description: "Customer-level IBAN (billing charges the signature's, rule R4)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(42)
  iban?: string | null;

  @ApiPropertyOptional({ ...nullableText, example: 'B12345674' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  taxId?: string | null;

  @ApiPropertyOptional({ example: 21 }) @IsOptional() @IsNumber() vatRatePercent?: number;

  @ApiPropertyOptional({ type: [String], example: ['billing@fibranorte.example'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(254, { each: true })
  notifyEmails?: string[];

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  sendInvoiceEmail?: boolean;
  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  sendPaymentEmail?: boolean;

  @ApiPropertyOptional({
    ...nullableText,
    example: 'default',
    description:
      "Rule 21: the issuer that invoices the customer (GET /issuers); null: its series' issuer",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  issuerId?: string | null;
}
