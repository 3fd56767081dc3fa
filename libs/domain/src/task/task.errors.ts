import { DomainError } from '../shared/domain-error';
import type { TaskStatus } from './task.fields';

/** Refusals of rule 24 (tasks). A code ending in NOT_FOUND answers 404, TAKEN 409, others 422. */
export const TaskRefusal = {
  invalidInput: 'R24.INVALID_INPUT',
  notFound: 'R24.TASK_NOT_FOUND',
  /** A task with this id exists already. */
  idTaken: 'R24.TASK_ID_TAKEN',
  customerNotFound: 'R24.CUSTOMER_NOT_FOUND',
  /** The customer was deleted or its personal data erased: no new task names it. */
  customerGone: 'R24.CUSTOMER_GONE',
  /** The task's status does not allow the action (completing a completed task…). */
  illegalTransition: 'R24.ILLEGAL_TRANSITION',
  /** A completed task is final: it is not edited (copy it instead). */
  completedIsFinal: 'R24.COMPLETED_IS_FINAL',
} as const;

export type TaskRefusal = (typeof TaskRefusal)[keyof typeof TaskRefusal];

export const taskNotFound = (taskId: string) =>
  new DomainError(
    TaskRefusal.notFound,
    `Task ${taskId} does not exist; create it from the customer's file (POST /customers/:id/tasks).`,
  );

const STATUS_LABELS: Record<TaskStatus, string> = {
  in_progress: 'in progress',
  open: 'open',
  not_attended: 'not attended',
  completed: 'completed',
};

export const illegalTaskTransition = (
  taskId: string,
  status: TaskStatus,
  action: string,
  allowedFrom: readonly TaskStatus[],
) =>
  new DomainError(
    TaskRefusal.illegalTransition,
    `Task ${taskId} is ${STATUS_LABELS[status]}; only a task ${allowedFrom
      .map((from) => STATUS_LABELS[from])
      .join(' or ')} can be ${action}.`,
    [
      {
        code: TaskRefusal.illegalTransition,
        field: 'status',
        message: `Cannot be ${action} while ${STATUS_LABELS[status]}`,
      },
    ],
  );
