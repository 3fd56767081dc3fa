import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAX_AMOUNT_CENTS, PAYMENT_METHODS } from '@app/domain';
import { IsCalendarDay, IsInstant } from '../http/iso-dates';
import { IsAbsentWith } from '../http/absent-with';

/** The one documented maximum (`MAX_AMOUNT_CENTS`, 100 M€) every total fits under. */
const MAX_CENTS = MAX_AMOUNT_CENTS;

export class CreditNoteLineDto {
  @ApiProperty({ example: 'Three days without service' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  description!: string;

  @ApiProperty({ example: 1000, description: 'Net cents given back; VAT is added per line' })
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  amountCents!: number;

  @ApiPropertyOptional({ example: 21, description: "Default: the invoice's own rate" })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  vatRatePercent?: number;
}

/** `amountCents` (one line) or `lines`, not both. */
export class CreditNoteDto {
  @ApiProperty({ example: 'Service outage 3–5 March' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional({
    example: 1000,
    description: "Net cents given back as one line at the invoice's VAT rate",
  })
  @ValidateIf((body: CreditNoteDto) => body.lines === undefined || body.amountCents !== undefined)
  @IsAbsentWith('lines', { message: 'give amountCents or lines, not both' })
  @IsInt({ message: 'give amountCents or lines' })
  @Min(1)
  @Max(MAX_CENTS)
  amountCents?: number;

  @ApiPropertyOptional({ type: [CreditNoteLineDto] })
  @ValidateIf((body: CreditNoteDto) => body.amountCents === undefined || body.lines !== undefined)
  @IsArray({ message: 'give amountCents or lines' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CreditNoteLineDto)
  lines?: CreditNoteLineDto[];
}

export class PaymentDto {
  @ApiProperty({ example: 4235 })
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  amountCents!: number;

  @ApiProperty({ enum: PAYMENT_METHODS, example: 'transfer' })
  @IsIn(PAYMENT_METHODS)
  method!: (typeof PAYMENT_METHODS)[number];

  @ApiPropertyOptional({ example: '2026-12-10', description: 'Date or date-time; default: now' })
  @IsOptional()
  @IsInstant()
  paidAt?: string;
}

export class DirectDebitEffectDto {
  @ApiPropertyOptional({
    example: 4235,
    description: 'Default: what is owed and not already being collected',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  amountCents?: number;

  @ApiPropertyOptional({ example: '2026-12-20', description: "Default: the invoice's due date" })
  @IsOptional()
  @IsCalendarDay()
  dueDate?: string;
}

export class EffectCollectedDto {
  @ApiPropertyOptional({ example: '2026-12-20T08:00:00Z', description: 'Default: now' })
  @IsOptional()
  @IsInstant()
  collectedAt?: string;
}

export class EffectReturnedDto {
  @ApiProperty({ example: 'MS02 refused by the debtor' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  reason!: string;

  @ApiPropertyOptional({ example: '2026-12-22T08:00:00Z', description: 'Default: now' })
  @IsOptional()
  @IsInstant()
  returnedAt?: string;
}

/** Rule 22: why an invoice issued by mistake is annulled. */
export class InvoiceCancellationDto {
  @ApiProperty({ example: 'Emitida por error: el cliente estaba de baja' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}
