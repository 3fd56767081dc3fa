import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PAIN_VERSIONS, PainVersion } from '@app/domain';
import { IsCalendarDay } from '../../http/iso-dates';

export class RemittanceRequestDto {
  @ApiPropertyOptional({
    example: 'default',
    description: 'The issuer; the configured one by default',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  issuerId?: string;

  @ApiProperty({ example: '2026-12-10', description: 'The day the bank collects (YYYY-MM-DD)' })
  @IsCalendarDay()
  collectionDate!: string;

  @ApiPropertyOptional({
    example: '2026-12-10',
    description: 'Effects due up to this day go in; default: the collection date',
  })
  @IsOptional()
  @IsCalendarDay()
  dueUntil?: string;

  @ApiPropertyOptional({
    enum: PAIN_VERSIONS,
    example: '001.08',
    description: 'The pain.008 version; 001.08 unless given',
  })
  @IsOptional()
  @IsIn([...PAIN_VERSIONS])
  painVersion?: PainVersion;
}
