import {
  TASK_EVENT_TYPES,
  TASK_STATUSES,
  TASK_STREAM_PREFIX,
  TaskEvent,
  TaskFields,
  TaskStatus,
} from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { TaskRow } from './task.entity';

type Recorded<E> = E extends { type: string; data: unknown }
  ? RecordedEvent<E['type'], E['data']>
  : never;
export type RecordedTaskEvent = Recorded<TaskEvent>;

export const isRecordedTaskEvent = (event: RecordedEvent): event is RecordedTaskEvent =>
  (TASK_EVENT_TYPES as readonly string[]).includes(event.type) &&
  event.stream.startsWith(TASK_STREAM_PREFIX);

/** The status's place in the order every view lists tasks (seed 004). */
export const statusRank = (status: TaskStatus): number => TASK_STATUSES.indexOf(status);

const withStatus = (row: TaskRow | null, status: TaskStatus, at: string, version: number) =>
  row === null ? null : { ...row, status, statusRank: statusRank(status), updatedAt: at, version };

/** The task's row after one event of its stream. Pure. */
export function evolveTaskRow(current: TaskRow | null, event: RecordedTaskEvent): TaskRow | null {
  const version = Number(event.revision) + 1;
  switch (event.type) {
    case 'TaskCreated': {
      const { taskId, createdAt, ...rest } = event.data;
      return {
        id: taskId,
        ...rest,
        status: 'open',
        statusRank: statusRank('open'),
        version,
        createdAt,
        updatedAt: createdAt,
      };
    }
    case 'TaskStarted':
      return withStatus(current, 'in_progress', event.data.startedAt, version);
    case 'TaskCompleted':
      return withStatus(current, 'completed', event.data.completedAt, version);
    case 'TaskMarkedNotAttended':
      return withStatus(current, 'not_attended', event.data.markedAt, version);
    case 'TaskEdited': {
      if (current === null) return null;
      const next: TaskRow = { ...current, version, updatedAt: event.data.editedAt };
      for (const change of event.data.changes)
        (next as unknown as Record<keyof TaskFields, unknown>)[change.field] = change.after;
      return next;
    }
    case 'TaskCopied':
      return current === null ? null : { ...current, version };
  }
}
