import { EMPTY_ADDRESS } from '../customer/customer.profile';
import { ERASED } from '../customer/customer.erasure';
import { NO_PERSONAL_DATA, PersonalDataMap } from '../shared/personal-data';
import { TaskEvent } from './task.events';

/**
 * A task's copy of its customer's name and address is the customer's personal data, sealed
 * under the customer's key: erasing the customer leaves `[erased]` and an empty address. The
 * rest of a task (type, colour, title, times, assignee, description) is the operators' own work.
 */
export const TASK_PERSONAL_FIELDS = {
  TaskCreated: { paths: { customerName: ERASED, customerAddress: EMPTY_ADDRESS } },
  TaskStarted: NO_PERSONAL_DATA,
  TaskCompleted: NO_PERSONAL_DATA,
  TaskMarkedNotAttended: NO_PERSONAL_DATA,
  TaskEdited: NO_PERSONAL_DATA,
  TaskCopied: NO_PERSONAL_DATA,
} satisfies PersonalDataMap<TaskEvent>;
