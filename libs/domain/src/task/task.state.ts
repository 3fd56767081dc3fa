import type { PostalAddress } from '../customer/customer.profile';
import { TaskFields, TaskStatus } from './task.fields';

/** A created task: its fields, its customer as the file held it, and where it stands. */
export interface TaskRecord {
  taskId: string;
  customerId: string;
  customerName: string;
  customerAddress: PostalAddress;
  fields: TaskFields;
  status: TaskStatus;
}

export type TaskState = { status: 'none' } | TaskRecord;

export const INITIAL_TASK_STATE: TaskState = { status: 'none' };

export const isCreatedTask = (state: TaskState): state is TaskRecord => state.status !== 'none';
