import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNumber,
  IsOptional,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import { IsCalendarDay } from '../http/iso-dates';

export class SimulateCyclesDto {
  // No `default` in the schema: generated clients (openapi-typescript) make such a field required.
  @ApiPropertyOptional({ minimum: 1, maximum: 24, example: 3, description: 'Default: 1' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24)
  cycles?: number;

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
    description: 'First day to simulate from; default: today (tenant zone)',
  })
  @IsOptional()
  @IsCalendarDay()
  from?: string;

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
