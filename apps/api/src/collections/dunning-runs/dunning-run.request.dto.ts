import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDay } from '../../http/iso-dates';

export class DunningRunDto {
  @ApiProperty({
    example: '2026-12-03',
    description: 'The day the run is for (YYYY-MM-DD): days overdue are counted to it',
  })
  @IsCalendarDay()
  asOf!: string;
}
