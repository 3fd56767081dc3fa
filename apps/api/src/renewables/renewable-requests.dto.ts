import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  MAX_PRODUCT_CODE_LENGTH,
  MAX_RENEWABLE_DESCRIPTION_LENGTH,
  MAX_RENEWAL_EVERY,
  MAX_RENEWAL_MONTHS,
  RENEWABLE_STATES,
  RENEWAL_UNITS,
  RenewableStatus,
  RenewalUnit,
} from '@app/domain';
import { PagingDto } from '../customers/queries/customer-list.query.dto';
import { IsCalendarDay } from '../http/iso-dates';
import { nullableText } from '../http/openapi-types';

/** At most ten years either way: 120 months, 10 years. */
const WithinTenYears = () =>
  ValidateBy({
    name: 'withinTenYears',
    validator: {
      validate: (every: unknown, args) => {
        const unit = (args?.object as { unit?: unknown } | undefined)?.unit;
        const max = MAX_RENEWAL_EVERY[unit as RenewalUnit] ?? MAX_RENEWAL_MONTHS;
        return typeof every === 'number' && every <= max;
      },
      defaultMessage: () => 'every must be at most 120 months or 10 years',
    },
  });

/** Every `every` `unit`s, at most ten years. */
export class RenewalPeriodDto {
  @ApiProperty({
    example: 1,
    minimum: 1,
    maximum: MAX_RENEWAL_MONTHS,
    description: 'At most 120 months or 10 years',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_RENEWAL_MONTHS)
  @WithinTenYears()
  every!: number;

  @ApiProperty({ enum: RENEWAL_UNITS, example: 'year' })
  @IsIn([...RENEWAL_UNITS])
  unit!: RenewalUnit;
}

/** Seed 003: a product sold to the customer that renews every period from its purchase date. */
export class RegisterRenewableDto {
  @ApiProperty({ example: 'DOM-ES', maxLength: MAX_PRODUCT_CODE_LENGTH })
  @IsString()
  @MaxLength(MAX_PRODUCT_CODE_LENGTH)
  productCode!: string;

  @ApiPropertyOptional({
    ...nullableText,
    example: 'Domain fibranorte.es',
    maxLength: MAX_RENEWABLE_DESCRIPTION_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_RENEWABLE_DESCRIPTION_LENGTH)
  description?: string | null;

  @ApiProperty({ format: 'date', example: '2026-01-31' })
  @IsCalendarDay()
  purchasedOn!: string;

  @ApiProperty({ type: RenewalPeriodDto, example: { every: 1, unit: 'year' } })
  @IsObject()
  @ValidateNested()
  @Type(() => RenewalPeriodDto)
  period!: RenewalPeriodDto;
}

export class RenewRenewableDto {
  @ApiPropertyOptional({
    ...nullableText,
    format: 'date',
    example: '2026-02-25',
    description: 'The day it was renewed; none: today (Europe/Madrid)',
  })
  @IsOptional()
  @IsCalendarDay()
  renewedOn?: string | null;
}

export class CustomerRenewablesQueryDto extends PagingDto {
  @ApiPropertyOptional({ enum: RENEWABLE_STATES, example: 'active' })
  @IsOptional()
  @IsIn([...RENEWABLE_STATES])
  status?: RenewableStatus;
}

/** `GET /renewals?due-before=YYYY-MM-DD`: the operator's to-do list. */
export class RenewalsDueQueryDto extends PagingDto {
  @ApiProperty({
    name: 'due-before',
    format: 'date',
    example: '2026-04-30',
    description: 'Renewables still running whose next renewal is on or before this day',
  })
  @IsCalendarDay()
  'due-before'!: string;
}
