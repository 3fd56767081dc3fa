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
  ValidateIf,
} from 'class-validator';
import { BILLING_MODES, BillingMode, MAX_AMOUNT_CENTS } from '@app/domain';
import { IsCalendarDay, IsInstant } from '../http/iso-dates';
import { nullableText } from '../http/openapi-types';

/** Given unless `tariffId` names the tariff, whose terms are then the defaults. */
const unlessTariffId =
  (field: 'tariff' | 'monthlyPriceCents' | 'billingMode') => (dto: RequestSubscriptionDto) =>
    dto.tariffId === undefined || dto[field] !== undefined;

export class RequestSubscriptionDto {
  @ApiProperty({ example: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b' }) @IsUUID() contractId!: string;

  @ApiPropertyOptional({
    example: '0b7c1d2e-3f4a-4b5c-8d6e-7f8a9b0c1d2e',
    description:
      'Rule 28: the tariff by its catalog id (GET /catalogs/tariffs); price and billing mode then default to its own',
  })
  @IsOptional()
  @IsUUID()
  tariffId?: string;

  @ApiPropertyOptional({
    example: 'Fibra 600 Mb',
    description:
      'The tariff by name (required without tariffId): the catalog entry of that name, case and accents aside; a new name creates it',
  })
  @ValidateIf(unlessTariffId('tariff'))
  @IsString()
  @MaxLength(200)
  tariff?: string;

  @ApiPropertyOptional({
    example: 3500,
    maximum: MAX_AMOUNT_CENTS,
    description: 'Required without tariffId; the subscription keeps its own price (a snapshot)',
  })
  @ValidateIf(unlessTariffId('monthlyPriceCents'))
  @IsInt()
  @Max(MAX_AMOUNT_CENTS)
  monthlyPriceCents?: number;

  @ApiPropertyOptional({
    enum: BILLING_MODES,
    example: 'advance',
    description: 'Required without tariffId',
  })
  @ValidateIf(unlessTariffId('billingMode'))
  @IsIn([...BILLING_MODES])
  billingMode?: BillingMode;

  @ApiPropertyOptional({
    example: '2026-03-01T09:00:00Z',
    description:
      'When it was requested (default: now): a subscription carried over from another system keeps its history, and can then be activated as of then',
  })
  @IsOptional()
  @IsInstant()
  requestedAt?: string;
}

export class ActivateDto {
  @ApiPropertyOptional({ example: '2026-03-01T09:00:00Z' })
  @IsOptional()
  @IsInstant()
  activatedAt?: string;
}

export class ReasonDto {
  @ApiProperty({ example: 'Coverage not available' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}

export class OptionalReasonDto {
  @ApiPropertyOptional({ ...nullableText, example: 'Customer request' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

export class CancelDto extends OptionalReasonDto {
  @ApiPropertyOptional({ example: '2026-06-30T12:00:00Z' })
  @IsOptional()
  @IsInstant()
  cancelledAt?: string;
}

export class TariffMigrationDto {
  @ApiProperty({ example: 'Fibra 1 Gb' }) @IsString() @MaxLength(200) tariff!: string;
  @ApiProperty({ example: 4500, maximum: MAX_AMOUNT_CENTS })
  @IsInt()
  @Max(MAX_AMOUNT_CENTS)
  monthlyPriceCents!: number;

  @ApiProperty({ example: '2026-03-15', description: 'Calendar day the new tariff applies from' })
  @IsCalendarDay()
  effectiveDate!: string;
}

export class DiscountDto {
  @ApiPropertyOptional({ example: 10, description: 'Either percent (0–100]…' })
  @IsOptional()
  @IsNumber()
  percent?: number;
  @ApiPropertyOptional({ example: 500, description: '…or a fixed amount per month' })
  @IsOptional()
  @IsInt()
  @Max(MAX_AMOUNT_CENTS)
  amountCents?: number;

  @ApiProperty({ example: '2026-03-01' })
  @IsCalendarDay()
  from!: string;

  @ApiPropertyOptional({
    ...nullableText,
    example: '2026-06-01',
    description: 'Exclusive; left out: open-ended',
  })
  @IsOptional()
  @IsCalendarDay()
  until?: string | null;
}

export class ExtraChargeDto {
  @ApiProperty({ example: 1500, maximum: MAX_AMOUNT_CENTS })
  @IsInt()
  @Max(MAX_AMOUNT_CENTS)
  amountCents!: number;
  @ApiProperty({ example: 'Router rental' }) @IsString() @MaxLength(200) description!: string;
  @ApiProperty({ example: true }) @IsBoolean() recurring!: boolean;

  @ApiPropertyOptional({ ...nullableText, example: '2026-03-01' })
  @IsOptional()
  @IsCalendarDay()
  from?: string | null;
}
