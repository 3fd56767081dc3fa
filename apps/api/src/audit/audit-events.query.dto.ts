import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export class AuditEventsQueryDto {
  @ApiPropertyOptional({ description: 'One stream, e.g. customer-<uuid>; else the whole log' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  stream?: string;

  @ApiPropertyOptional({ description: 'Exclusive: events after this log position' })
  @IsOptional()
  @Matches(/^\d{1,19}$/)
  fromPosition?: string;

  @ApiPropertyOptional({ description: 'Event types, comma-separated' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsArray()
  @IsString({ each: true })
  type?: string[];

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class AsOfQueryDto {
  @ApiPropertyOptional({
    description: 'An ISO-8601 instant, or a version (number of events); default: now',
    example: '2026-03-01T00:00:00Z',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  asOf?: string;
}
