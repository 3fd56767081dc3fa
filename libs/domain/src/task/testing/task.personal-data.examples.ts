import { PersonalDataExamples } from '../../shared/personal-data';
import { TaskEvent } from '../task.events';
import { TASK_PERSONAL_FIELDS } from '../task.personal-data';

/** The task event that seals personal data, its customer's name and address each its own value. */
export const TASK_PERSONAL_DATA_EXAMPLES: PersonalDataExamples<
  TaskEvent,
  typeof TASK_PERSONAL_FIELDS
> = {
  TaskCreated: (customerId) => ({
    taskId: 'clear-task-1',
    customerId,
    type: 'call',
    colour: '#00AA00',
    title: 'clear-title',
    date: '2026-03-02',
    time: '09:30',
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
    createdAt: '2026-03-01T09:00:00.000Z',
  }),
};
