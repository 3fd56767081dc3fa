import { EXAMPLE_AT } from '../../customer/testing/customer.personal-data.examples';
import { PersonalDataExamples } from '../../shared/personal-data';
import { TaskEvent } from '../task.events';
import { TASK_PERSONAL_FIELDS } from '../task.personal-data';

/**
 * The task event that seals personal data, its customer's name and address each its own value;
 * the operator's own values start with `clear-` (the sealing spec's convention).
 */
export const TASK_PERSONAL_DATA_EXAMPLES: PersonalDataExamples<
  TaskEvent,
  typeof TASK_PERSONAL_FIELDS
> = {
  TaskCreated: (customerId) => ({
    taskId: 'clear-task-1',
    customerId,
    type: 'call',
    colour: 'clear-colour',
    title: 'clear-title',
    date: 'clear-date',
    time: 'clear-time',
    durationMinutes: 30,
    assignee: 'clear-assignee',
    description: null,
    customerName: 'Ana Tarea Pérez Gil',
    customerAddress: {
      street: 'Calle Tarea 7',
      city: 'Ciudad Tarea',
      neighbourhood: 'Barrio Tarea',
      province: 'Provincia Tarea',
      postalCode: '52001',
      country: 'País Tarea',
    },
    copiedFrom: null,
    createdAt: EXAMPLE_AT,
  }),
};
