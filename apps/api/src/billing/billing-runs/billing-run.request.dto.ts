import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsCalendarDay, IsYearMonth } from '../../http/iso-dates';

export class BillingRunDto {
  @ApiProperty({ example: '2026-12', description: 'The cycle to invoice, YYYY-MM' })
  @IsYearMonth()
  period!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b'],
    description: 'Only these customers; default: all',
  })
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
  @IsCalendarDay()
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
  @IsYearMonth()
  period!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b'],
    description: 'Only these customers; default: all',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsUUID('4', { each: true })
  customerIds?: string[];
}
