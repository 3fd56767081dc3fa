import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class ProjectionFailuresQueryDto {
  @ApiPropertyOptional({ description: 'One projection, e.g. customer-file; else all of them' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  projection?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
