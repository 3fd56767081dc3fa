import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  ESTIMATE_STATES,
  EstimateStatus,
  MAX_AMOUNT_CENTS,
  MAX_ESTIMATE_DESCRIPTION_LENGTH,
  MAX_ESTIMATE_LINES,
  MAX_ESTIMATE_NOTES_LENGTH,
  MAX_ESTIMATE_QUANTITY,
  MAX_ESTIMATE_REASON_LENGTH,
  PAYMENT_METHODS,
  PaymentMethod,
} from '@app/domain';
import { IsCalendarDay } from '../http/iso-dates';
import { nullableText } from '../http/openapi-types';
import { PagingDto } from '../customers/queries/customer-list.query.dto';

/**
 * One line: a catalog tariff by `tariffId` (its name, monthly price and VAT rate are the
 * catalog's: leave the others out), or a free line with `description`, `unitPriceCents` and
 * optionally `vatRatePercent` (the customer's rate when left out).
 */
export class EstimateLineDto {
  @ApiPropertyOptional({
    format: 'uuid',
    example: '0b6f2c1e-8d4a-4c3b-9e2f-1a0b9c8d7e6f',
    description: 'A tariff of the catalog (rule 28); a retired one is refused',
  })
  @IsOptional()
  @IsUUID()
  tariffId?: string;

  @ApiPropertyOptional({
    example: 'Router installation',
    maxLength: MAX_ESTIMATE_DESCRIPTION_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ESTIMATE_DESCRIPTION_LENGTH)
  description?: string;

  @ApiPropertyOptional({
    example: 1,
    minimum: 1,
    maximum: MAX_ESTIMATE_QUANTITY,
    description: 'Units (default 1); a tariff line requests one subscription per unit (at most 20)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ESTIMATE_QUANTITY)
  quantity?: number;

  @ApiPropertyOptional({
    example: 4999,
    minimum: 0,
    maximum: MAX_AMOUNT_CENTS,
    description: 'A free line: the unit price in cents, VAT excluded',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_CENTS)
  unitPriceCents?: number;

  @ApiPropertyOptional({ example: 21, minimum: 0, maximum: 100 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  vatRatePercent?: number;
}

/** Rule 29: an estimate for the customer in the path. */
export class CreateEstimateDto {
  @ApiProperty({ type: [EstimateLineDto], minItems: 1, maxItems: MAX_ESTIMATE_LINES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ESTIMATE_LINES)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => EstimateLineDto)
  lines!: EstimateLineDto[];

  @ApiProperty({
    example: '2026-12-31',
    description: 'The last day it can be accepted (today or later); after it, it is expired',
  })
  @IsCalendarDay()
  validUntil!: string;

  @ApiPropertyOptional({ ...nullableText, example: 'Installation within a week of acceptance' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ESTIMATE_NOTES_LENGTH)
  notes?: string | null;
}

/** The contract drafted on acceptance is paid this way. */
export class AcceptEstimateDto {
  @ApiPropertyOptional({
    enum: PAYMENT_METHODS,
    example: 'direct_debit',
    description:
      "The contract's payment method; default: the customer's billing settings', else transfer",
  })
  @IsOptional()
  @IsIn([...PAYMENT_METHODS])
  paymentMethod?: PaymentMethod;
}

export class RejectEstimateDto {
  @ApiPropertyOptional({ ...nullableText, example: 'Found a cheaper offer' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ESTIMATE_REASON_LENGTH)
  reason?: string | null;
}

/** `GET /customers/:id/estimates`: by status as of today (`expired`: outstanding past validUntil). */
export class CustomerEstimatesQueryDto extends PagingDto {
  @ApiPropertyOptional({ enum: ESTIMATE_STATES, example: 'outstanding' })
  @IsOptional()
  @IsIn([...ESTIMATE_STATES])
  status?: EstimateStatus;
}
