import { DomainEvent } from '../shared/decider';
import { FieldChangeOf } from '../shared/field-changes';
import type { PostalAddress } from '../customer/customer.profile';
import { TaskFields } from './task.fields';

/**
 * Rule 24: a task on a customer's file, open. `customerName` and `customerAddress` are the
 * customer's as its file held them when the task was created (personal data, sealed under the
 * customer's key). `copiedFrom` names the task it is a copy of.
 */
export type TaskCreated = DomainEvent<
  'TaskCreated',
  TaskFields & {
    taskId: string;
    customerId: string;
    customerName: string;
    customerAddress: PostalAddress;
    copiedFrom: string | null;
    createdAt: string;
  }
>;

/** The task is being worked on. */
export type TaskStarted = DomainEvent<
  'TaskStarted',
  { taskId: string; customerId: string; startedAt: string }
>;

export type TaskCompleted = DomainEvent<
  'TaskCompleted',
  { taskId: string; customerId: string; completedAt: string }
>;

/** Nobody attended the task at its time. */
export type TaskMarkedNotAttended = DomainEvent<
  'TaskMarkedNotAttended',
  { taskId: string; customerId: string; markedAt: string }
>;

/** What an edit changed, field by field (before/after for the history, rule R13). */
export type TaskChange = FieldChangeOf<TaskFields>;

export type TaskEdited = DomainEvent<
  'TaskEdited',
  { taskId: string; customerId: string; changes: TaskChange[]; editedAt: string }
>;

/** A copy of the task was created as `copyId` (its `TaskCreated` names this task). */
export type TaskCopied = DomainEvent<
  'TaskCopied',
  {
    taskId: string;
    customerId: string;
    copyId: string;
    date: string;
    time: string;
    copiedAt: string;
  }
>;

export type TaskEvent =
  TaskCreated | TaskStarted | TaskCompleted | TaskMarkedNotAttended | TaskEdited | TaskCopied;
export type TaskEventType = TaskEvent['type'];

export const TASK_EVENT_TYPE_SET: Record<TaskEventType, true> = {
  TaskCreated: true,
  TaskStarted: true,
  TaskCompleted: true,
  TaskMarkedNotAttended: true,
  TaskEdited: true,
  TaskCopied: true,
};
export const TASK_EVENT_TYPES = Object.keys(TASK_EVENT_TYPE_SET) as TaskEventType[];
