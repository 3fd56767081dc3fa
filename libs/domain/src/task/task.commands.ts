import type { CustomerStatus } from '../customer/customer.state';
import type { PostalAddress } from '../customer/customer.profile';
import { DomainCommand } from '../shared/decider';
import { TaskInput } from './task.fields';

/**
 * The customer a task is about, as its own stream says when the command is handled: its
 * status, its name and its main (billing) address as the profile holds them.
 */
export interface TaskCustomerFact {
  status: CustomerStatus;
  name: string | null;
  address: PostalAddress | null;
}

export type CreateTask = DomainCommand<
  'CreateTask',
  TaskInput & {
    taskId: string;
    customerId: string;
    customer: TaskCustomerFact;
    copiedFrom?: string | null;
  }
>;

/** Puts an open task in progress. */
export type StartTask = DomainCommand<'StartTask', { taskId: string }>;
export type CompleteTask = DomainCommand<'CompleteTask', { taskId: string }>;
export type MarkTaskNotAttended = DomainCommand<'MarkTaskNotAttended', { taskId: string }>;

/** Sets the fields given (`undefined`: unchanged; `null` clears an optional one). */
export type EditTask = DomainCommand<'EditTask', TaskInput & { taskId: string }>;

/** Copies the task to another date and time as `copyId`; the customer must still be on file. */
export type CopyTask = DomainCommand<
  'CopyTask',
  { taskId: string; copyId: string; date: string; time: string; customer: TaskCustomerFact }
>;

export type TaskCommand =
  CreateTask | StartTask | CompleteTask | MarkTaskNotAttended | EditTask | CopyTask;
