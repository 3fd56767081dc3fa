import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
} from 'class-validator';
import { BILLING_MODES, BillingMode, MAX_AMOUNT_CENTS } from '@app/domain';
import { IsCalendarDay, IsInstant } from '../http/iso-dates';

export class RequestSubscriptionDto {
  @ApiProperty() @IsUUID() contractId!: string;
  @ApiProperty({ example: 'Fibra 600 Mb' }) @IsString() @MaxLength(200) tariff!: string;
  @ApiProperty({ example: 3500, maximum: MAX_AMOUNT_CENTS })
  @IsInt()
  @Max(MAX_AMOUNT_CENTS)
  monthlyPriceCents!: number;

  @ApiProperty({ enum: BILLING_MODES })
  @IsIn(BILLING_MODES as unknown as string[])
  billingMode!: BillingMode;
}

export class ActivateDto {
  @ApiPropertyOptional() @IsOptional() @IsInstant() activatedAt?: string;
}

export class ReasonDto {
  @ApiProperty() @IsString() @MaxLength(500) reason!: string;
}

export class OptionalReasonDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string | null;
}

export class CancelDto extends OptionalReasonDto {
  @ApiPropertyOptional() @IsOptional() @IsInstant() cancelledAt?: string;
}

export class TariffMigrationDto {
  @ApiProperty() @IsString() @MaxLength(200) tariff!: string;
  @ApiProperty({ maximum: MAX_AMOUNT_CENTS })
  @IsInt()
  @Max(MAX_AMOUNT_CENTS)
  monthlyPriceCents!: number;

  @ApiProperty({ example: '2026-03-15', description: 'Calendar day the new tariff applies from' })
  @IsCalendarDay()
  effectiveDate!: string;
}

export class DiscountDto {
  @ApiPropertyOptional({ description: 'Either percent (0–100]…' })
  @IsOptional()
  @IsNumber()
  percent?: number;
  @ApiPropertyOptional({ description: '…or a fixed amount per month' })
  @IsOptional()
  @IsInt()
  @Max(MAX_AMOUNT_CENTS)
  amountCents?: number;

  @ApiProperty({ example: '2026-03-01' })
  @IsCalendarDay()
  from!: string;

  @ApiPropertyOptional({ example: '2026-06-01', description: 'Exclusive; left out: open-ended' })
  @IsOptional()
  @IsCalendarDay()
  until?: string | null;
}

export class ExtraChargeDto {
  @ApiProperty({ maximum: MAX_AMOUNT_CENTS }) @IsInt() @Max(MAX_AMOUNT_CENTS) amountCents!: number;
  @ApiProperty() @IsString() @MaxLength(200) description!: string;
  @ApiProperty() @IsBoolean() recurring!: boolean;

  @ApiPropertyOptional({ example: '2026-03-01' })
  @IsOptional()
  @IsCalendarDay()
  from?: string | null;
}
