import { CommandMeta } from '../../shared/decider';
import {
  CompleteTask,
  CopyTask,
  CreateTask,
  EditTask,
  MarkTaskNotAttended,
  StartTask,
  TaskCustomerFact,
} from '../task.commands';
import { TaskCreated } from '../task.events';

export const TASK_ID = 'task-1';
export const COPY_ID = 'task-2';
export const TASK_CUSTOMER_ID = 'cust-1';
export const TASK_AT = '2026-03-01T09:00:00.000Z';
const meta: CommandMeta = { at: TASK_AT };

export const CUSTOMER_ADDRESS = {
  street: 'Calle Mayor 1',
  city: 'Madrid',
  neighbourhood: null,
  province: 'Madrid',
  postalCode: '28013',
  country: 'ES',
};

export const customerOnFile: TaskCustomerFact = {
  status: 'active',
  name: 'Ana García López',
  address: CUSTOMER_ADDRESS,
};

export const createTask = (overrides: Partial<CreateTask['data']> = {}): CreateTask => ({
  type: 'CreateTask',
  data: {
    taskId: TASK_ID,
    customerId: TASK_CUSTOMER_ID,
    customer: customerOnFile,
    type: 'call',
    colour: '#ff8800',
    title: 'Call about the router',
    date: '2026-03-02',
    time: '09:30',
    durationMinutes: 15,
    assignee: 'Luis',
    description: null,
    ...overrides,
  },
  metadata: meta,
});

export const taskCreated: TaskCreated = {
  type: 'TaskCreated',
  data: {
    taskId: TASK_ID,
    customerId: TASK_CUSTOMER_ID,
    type: 'call',
    colour: '#FF8800',
    title: 'Call about the router',
    date: '2026-03-02',
    time: '09:30',
    durationMinutes: 15,
    assignee: 'Luis',
    description: null,
    customerName: 'Ana García López',
    customerAddress: CUSTOMER_ADDRESS,
    copiedFrom: null,
    createdAt: TASK_AT,
  },
};

const ids = { taskId: TASK_ID, customerId: TASK_CUSTOMER_ID };
export const taskStarted = { type: 'TaskStarted' as const, data: { ...ids, startedAt: TASK_AT } };
export const taskCompleted = {
  type: 'TaskCompleted' as const,
  data: { ...ids, completedAt: TASK_AT },
};
export const taskMarkedNotAttended = {
  type: 'TaskMarkedNotAttended' as const,
  data: { ...ids, markedAt: TASK_AT },
};

export const startTask: StartTask = {
  type: 'StartTask',
  data: { taskId: TASK_ID },
  metadata: meta,
};
export const completeTask: CompleteTask = {
  type: 'CompleteTask',
  data: { taskId: TASK_ID },
  metadata: meta,
};
export const markTaskNotAttended: MarkTaskNotAttended = {
  type: 'MarkTaskNotAttended',
  data: { taskId: TASK_ID },
  metadata: meta,
};
export const editTask = (patch: Omit<EditTask['data'], 'taskId'>): EditTask => ({
  type: 'EditTask',
  data: { taskId: TASK_ID, ...patch },
  metadata: meta,
});
export const copyTask = (overrides: Partial<CopyTask['data']> = {}): CopyTask => ({
  type: 'CopyTask',
  data: {
    taskId: TASK_ID,
    copyId: COPY_ID,
    date: '2026-03-09',
    time: '16:00',
    customer: customerOnFile,
    ...overrides,
  },
  metadata: meta,
});
