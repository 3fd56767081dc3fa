import { ApiProperty } from '@nestjs/swagger';
import { TASK_STATUSES, TASK_TYPES, TaskStatus, TaskType } from '@app/domain';
import type { TaskCalendarDay, TaskMonthView, TaskView } from '@app/read-models';
import { nullableText } from '../http/openapi-types';
import { IssuerAddressResponse } from '../issuers/issuer.responses';

/** A task (rule 24) as every view shows it. */
export class TaskResponse implements TaskView {
  @ApiProperty({ example: '7d2f9c1e-4b3a-4f6e-9a8b-1c2d3e4f5a6b' }) id!: string;
  @ApiProperty({ example: '0b6c8f0e-3a2d-4c1b-9e8f-7a6b5c4d3e2f' }) customerId!: string;
  @ApiProperty({ enum: TASK_TYPES, example: 'call' }) type!: TaskType;
  @ApiProperty({ example: '#FF8800' }) colour!: string;
  @ApiProperty({ example: 'Call about the router' }) title!: string;
  @ApiProperty({ example: '2026-03-02', description: 'Local day (Europe/Madrid)' }) date!: string;
  @ApiProperty({ example: '09:30', description: 'Local time (Europe/Madrid)' }) time!: string;
  @ApiProperty({ type: Number, nullable: true, example: 30 }) durationMinutes!: number | null;
  @ApiProperty({ example: 'Luis' }) assignee!: string;
  @ApiProperty({ ...nullableText, example: null }) description!: string | null;
  @ApiProperty({ enum: TASK_STATUSES, example: 'open' }) status!: TaskStatus;
  @ApiProperty({ example: 'Ana García López', description: 'From the file when created' })
  customerName!: string;
  @ApiProperty({ type: IssuerAddressResponse, description: 'The main address, from the file' })
  customerAddress!: IssuerAddressResponse;
  @ApiProperty({ ...nullableText, example: null, description: 'The task this is a copy of' })
  copiedFrom!: string | null;
  @ApiProperty({ example: 1, description: 'For If-Match' }) version!: number;
  @ApiProperty({ example: '2026-03-01T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-03-01T10:00:00.000Z' }) updatedAt!: string;
}

export class TaskStatusCountsResponse implements Record<TaskStatus, number> {
  @ApiProperty({ example: 1 }) in_progress!: number;
  @ApiProperty({ example: 2 }) open!: number;
  @ApiProperty({ example: 0 }) not_attended!: number;
  @ApiProperty({ example: 1 }) completed!: number;
}

export class TaskCalendarDayResponse implements TaskCalendarDay {
  @ApiProperty({ example: '2026-03-02' }) date!: string;
  @ApiProperty({ example: 4 }) count!: number;
  @ApiProperty({ type: TaskStatusCountsResponse }) byStatus!: TaskStatusCountsResponse;
  @ApiProperty({ type: [TaskResponse] }) entries!: TaskResponse[];
}

/** `GET /tasks?day=`: the day's tasks in status order, then by time. */
export class TaskDayResponse {
  @ApiProperty({ example: '2026-03-02' }) day!: string;
  @ApiProperty({ type: [TaskResponse] }) entries!: TaskResponse[];
}

/** `GET /tasks?month=`: every day of the month with its counts and tasks. */
export class TaskMonthResponse implements TaskMonthView {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ type: [TaskCalendarDayResponse] }) days!: TaskCalendarDayResponse[];
}

export class TaskPageResponse {
  @ApiProperty({ type: [TaskResponse] }) items!: TaskResponse[];
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
}
