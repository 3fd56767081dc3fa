import { assertNever, TASK_EVENT_TYPES, TaskType } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { HistoryChange } from '../customers/customer-history.entity';
import { HistoryEntry, HistorySource } from '../customers/history-entry';
import { isRecordedTaskEvent, RecordedTaskEvent } from './task.evolve';

const TYPE_LABELS: Record<TaskType, string> = { task: 'Task', call: 'Call', meeting: 'Meeting' };

/**
 * A task event's line on its customer's history tab (rule R13); the line's stream names the
 * task. The customer's name and address copied into the task stay out of the line: they are
 * the customer's, and the task's own lines are kept when the customer is erased.
 */
export function taskHistoryEntryFor(event: RecordedEvent): HistoryEntry | null {
  if (!isRecordedTaskEvent(event)) return null;
  const { summary, changes } = describe(event);
  return { customerId: event.data.customerId, summary, changes, bulkOperationId: null };
}

export const taskHistorySource: HistorySource = {
  handles: TASK_EVENT_TYPES,
  historyEntryFor: taskHistoryEntryFor,
};

/** The status before is named only where one status alone leads to this one. */
const statusChange = (before: string | null, after: string): HistoryChange => ({
  field: 'status',
  before,
  after,
});

function describe(event: RecordedTaskEvent): { summary: string; changes: HistoryChange[] } {
  switch (event.type) {
    case 'TaskCreated': {
      const { taskId, type, colour, title, date, time, durationMinutes, assignee, copiedFrom } =
        event.data;
      const label = TYPE_LABELS[type] ?? type;
      const created = { taskId, type, colour, title, date, time, durationMinutes, assignee };
      return {
        summary:
          copiedFrom === null
            ? `${label} created: ${title} (${date} ${time})`
            : `${label} copied to ${date} ${time}: ${title}`,
        changes: [
          { field: 'tasks', before: null, after: { ...created, copiedFrom } },
          statusChange(null, 'open'),
        ],
      };
    }
    case 'TaskStarted':
      return { summary: 'Task started', changes: [statusChange('open', 'in_progress')] };
    case 'TaskCompleted':
      return { summary: 'Task completed', changes: [statusChange(null, 'completed')] };
    case 'TaskMarkedNotAttended':
      return {
        summary: 'Task marked not attended',
        changes: [statusChange(null, 'not_attended')],
      };
    case 'TaskEdited':
      return {
        summary: `Task edited: ${event.data.changes.map((change) => change.field).join(', ')}`,
        changes: event.data.changes,
      };
    case 'TaskCopied': {
      const { copyId, date, time } = event.data;
      return {
        summary: `Task copied to ${date} ${time}`,
        changes: [{ field: 'copies', before: null, after: { copyId, date, time } }],
      };
    }
    default:
      return assertNever(event, 'task event');
  }
}
