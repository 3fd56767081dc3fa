import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsNumber,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const CALENDAR_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class BillingRunDto {
  @ApiProperty({ example: '2026-12', description: 'The cycle to invoice, YYYY-MM' })
  @Matches(YEAR_MONTH, { message: 'period must be YYYY-MM' })
  period!: string;

  @ApiPropertyOptional({ type: [String], description: 'Only these customers; default: all' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsUUID('4', { each: true })
  customerIds?: string[];

  @ApiPropertyOptional({
    example: '2026-12-01',
    description: "Issue date; default: the first day of each customer's cycle",
  })
  @IsOptional()
  @Matches(CALENDAR_DAY, { message: 'issueDate must be YYYY-MM-DD' })
  issueDate?: string;

  @ApiPropertyOptional({
    example: 21,
    description: 'VAT for customers without a rate of their own',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  vatDefault?: number;
}

export class MigrationCreditRunDto {
  @ApiProperty({ example: '2026-12', description: 'Credit the migrations effective in this cycle' })
  @Matches(YEAR_MONTH, { message: 'period must be YYYY-MM' })
  period!: string;

  @ApiPropertyOptional({ type: [String], description: 'Only these customers; default: all' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsUUID('4', { each: true })
  customerIds?: string[];
}
