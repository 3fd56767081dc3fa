import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  MAX_TASK_ASSIGNEE_LENGTH,
  MAX_TASK_DESCRIPTION_LENGTH,
  MAX_TASK_DURATION_MINUTES,
  MAX_TASK_TITLE_LENGTH,
  TASK_COLOUR_PATTERN,
  TASK_TIME_PATTERN,
  TASK_TYPES,
  TaskType,
} from '@app/domain';
import { IsCalendarDay, IsYearMonth } from '../http/iso-dates';
import { nullableText } from '../http/openapi-types';
import { PagingDto } from '../customers/queries/customer-list.query.dto';

const COLOUR = { message: 'colour must be #RRGGBB' };
const TIME = {
  message: 'time must be HH:MM, 00:00–23:59 (the operators’ local time, Europe/Madrid)',
};

/** When a task is: the operators' local day and wall-clock time (Europe/Madrid), as written. */
export class TaskScheduleDto {
  @ApiProperty({ example: '2026-03-02', description: 'Local day, YYYY-MM-DD (Europe/Madrid)' })
  @IsCalendarDay()
  date!: string;

  @ApiProperty({ example: '09:30', description: 'Local wall-clock time, HH:MM (Europe/Madrid)' })
  @IsString()
  @Matches(TASK_TIME_PATTERN, TIME)
  time!: string;
}

/** A task (rule 24); the customer's name and address are filled in from the file. */
export class CreateTaskDto extends TaskScheduleDto {
  @ApiProperty({ enum: TASK_TYPES, example: 'call' })
  @IsIn([...TASK_TYPES])
  type!: TaskType;

  @ApiProperty({ example: '#FF8800', description: '#RRGGBB' })
  @IsString()
  @Matches(TASK_COLOUR_PATTERN, COLOUR)
  colour!: string;

  @ApiProperty({ example: 'Call about the router', maxLength: MAX_TASK_TITLE_LENGTH })
  @IsString()
  @MaxLength(MAX_TASK_TITLE_LENGTH)
  title!: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 30,
    description: `Minutes, 1–${MAX_TASK_DURATION_MINUTES}; null: no set end`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_TASK_DURATION_MINUTES)
  durationMinutes?: number | null;

  @ApiProperty({ example: 'Luis', maxLength: MAX_TASK_ASSIGNEE_LENGTH })
  @IsString()
  @MaxLength(MAX_TASK_ASSIGNEE_LENGTH)
  assignee!: string;

  @ApiPropertyOptional({
    ...nullableText,
    example: 'Bring a spare router',
    maxLength: MAX_TASK_DESCRIPTION_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TASK_DESCRIPTION_LENGTH)
  description?: string | null;
}

/** Any of the task's fields; the history keeps before and after of each change. */
export class EditTaskDto extends PartialType(CreateTaskDto) {}

/** The copy's day and time; everything else is the source's. */
export class CopyTaskDto extends TaskScheduleDto {}

/** `GET /tasks`: a day or a month (one of them), optionally one assignee's. */
export class TaskCalendarQueryDto {
  @ApiPropertyOptional({ example: '2026-03-02', description: 'The day view, YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDay()
  day?: string;

  @ApiPropertyOptional({ example: '2026-03', description: 'The month view, YYYY-MM' })
  @IsOptional()
  @IsYearMonth()
  month?: string;

  @ApiPropertyOptional({ example: 'Luis' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TASK_ASSIGNEE_LENGTH)
  assignee?: string;
}

export class CustomerTasksQueryDto extends PagingDto {}
