import { assertNever, CommandMeta, Decider } from '../shared/decider';
import { DomainError, RefusalReason, refuseIfAny } from '../shared/domain-error';
import { changedFields } from '../shared/field-changes';
import { EMPTY_ADDRESS } from '../customer/customer.profile';
import {
  CompleteTask,
  CopyTask,
  CreateTask,
  EditTask,
  MarkTaskNotAttended,
  StartTask,
  TaskCommand,
  TaskCustomerFact,
} from './task.commands';
import { illegalTaskTransition, TaskRefusal, taskNotFound } from './task.errors';
import {
  TaskCompleted,
  TaskCopied,
  TaskCreated,
  TaskEdited,
  TaskEvent,
  TaskMarkedNotAttended,
  TaskStarted,
} from './task.events';
import {
  EDITABLE_TASK_FIELDS,
  patchedTaskInput,
  TaskFields,
  taskFieldsOf,
  TaskStatus,
} from './task.fields';
import { INITIAL_TASK_STATE, TaskRecord, TaskState } from './task.state';

function evolve(state: TaskState, event: TaskEvent): TaskState {
  switch (event.type) {
    case 'TaskCreated': {
      const { taskId, customerId, customerName, customerAddress } = event.data;
      const { copiedFrom: _copiedFrom, createdAt: _createdAt, ...rest } = event.data;
      const fields: TaskFields = {
        type: rest.type,
        colour: rest.colour,
        title: rest.title,
        date: rest.date,
        time: rest.time,
        durationMinutes: rest.durationMinutes,
        assignee: rest.assignee,
        description: rest.description,
      };
      return { taskId, customerId, customerName, customerAddress, fields, status: 'open' };
    }
    case 'TaskStarted':
      return withStatus(state, 'in_progress');
    case 'TaskCompleted':
      return withStatus(state, 'completed');
    case 'TaskMarkedNotAttended':
      return withStatus(state, 'not_attended');
    case 'TaskEdited': {
      if (state.status === 'none') return state;
      const fields: TaskFields = { ...state.fields };
      for (const change of event.data.changes)
        (fields as unknown as Record<string, unknown>)[change.field] = change.after;
      return { ...state, fields };
    }
    case 'TaskCopied':
      return state;
    default:
      return assertNever(event, 'task event');
  }
}

const withStatus = (state: TaskState, status: TaskStatus): TaskState =>
  state.status === 'none' ? state : { ...state, status };

/** The customer a new task names must be on file: unknown 404, deleted or erased 422. */
function requireCustomerOnFile(customerId: string, customer: TaskCustomerFact): void {
  if (customer.status === 'unregistered')
    throw new DomainError(
      TaskRefusal.customerNotFound,
      `Customer ${customerId} does not exist; tasks are created from a customer's file.`,
    );
  if (customer.status === 'deleted' || customer.status === 'erased')
    throw new DomainError(
      TaskRefusal.customerGone,
      `Customer ${customerId} is ${customer.status}: no new task can name it.`,
    );
}

/** Rule 24: a task from the customer's file, its name and address filled in from the file. */
function create(command: CreateTask, state: TaskState): TaskCreated[] {
  const { taskId, customerId, customer, copiedFrom, ...input } = command.data;
  if (state.status !== 'none')
    throw new DomainError(TaskRefusal.idTaken, `Task ${taskId} exists already.`);
  requireCustomerOnFile(customerId, customer);
  const problems: RefusalReason[] = [];
  const fields = taskFieldsOf(input, problems);
  refuseIfAny(problems);
  const data: TaskCreated['data'] = {
    taskId,
    customerId,
    ...fields,
    customerName: customer.name ?? '',
    customerAddress: customer.address ?? EMPTY_ADDRESS,
    copiedFrom: copiedFrom ?? null,
    createdAt: command.metadata.at,
  };
  return [{ type: 'TaskCreated', data }];
}

function created(state: TaskState, taskId: string): TaskRecord {
  if (state.status === 'none') throw taskNotFound(taskId);
  return state;
}

/** Rule 24: an open task is put in progress (`POST /tasks/:id/start`). */
function start(command: StartTask, state: TaskState): TaskStarted[] {
  const task = created(state, command.data.taskId);
  if (task.status !== 'open')
    throw illegalTaskTransition(task.taskId, task.status, 'started', ['open']);
  const { taskId, customerId } = task;
  return [{ type: 'TaskStarted', data: { taskId, customerId, startedAt: command.metadata.at } }];
}

const UNFINISHED: readonly TaskStatus[] = ['open', 'in_progress'];

/** Rule 24: an open or in-progress task is completed; completing it again is refused. */
function complete(command: CompleteTask, state: TaskState): TaskCompleted[] {
  const task = created(state, command.data.taskId);
  if (!UNFINISHED.includes(task.status))
    throw illegalTaskTransition(task.taskId, task.status, 'completed', UNFINISHED);
  const { taskId, customerId } = task;
  return [
    { type: 'TaskCompleted', data: { taskId, customerId, completedAt: command.metadata.at } },
  ];
}

/** Rule 24: an open or in-progress task nobody attended (copy it to give it another time). */
function markNotAttended(command: MarkTaskNotAttended, state: TaskState): TaskMarkedNotAttended[] {
  const task = created(state, command.data.taskId);
  if (!UNFINISHED.includes(task.status))
    throw illegalTaskTransition(task.taskId, task.status, 'marked not attended', UNFINISHED);
  const { taskId, customerId } = task;
  return [
    { type: 'TaskMarkedNotAttended', data: { taskId, customerId, markedAt: command.metadata.at } },
  ];
}

/** Sets the fields given, recording each change; a completed task is final. */
function edit(command: EditTask, state: TaskState): TaskEdited[] {
  const task = created(state, command.data.taskId);
  if (task.status === 'completed')
    throw new DomainError(
      TaskRefusal.completedIsFinal,
      `Task ${task.taskId} is completed and stays as it was done; copy it to plan another.`,
    );
  const { taskId: _taskId, ...patch } = command.data;
  const problems: RefusalReason[] = [];
  const after = taskFieldsOf(patchedTaskInput(task.fields, patch), problems);
  refuseIfAny(problems);
  const changes = changedFields<TaskFields>(task.fields, after, EDITABLE_TASK_FIELDS);
  if (changes.length === 0) return [];
  const { taskId, customerId } = task;
  return [
    { type: 'TaskEdited', data: { taskId, customerId, changes, editedAt: command.metadata.at } },
  ];
}

/** Rule 24: copies the task, in any status, to another date and time (a new, open task). */
function copy(command: CopyTask, state: TaskState): TaskCopied[] {
  const task = created(state, command.data.taskId);
  const { copyId, date, time, customer } = command.data;
  requireCustomerOnFile(task.customerId, customer);
  const problems: RefusalReason[] = [];
  taskFieldsOf({ ...task.fields, date, time }, problems);
  refuseIfAny(problems);
  const { taskId, customerId } = task;
  const data = { taskId, customerId, copyId, date, time, copiedAt: command.metadata.at };
  return [{ type: 'TaskCopied', data }];
}

/**
 * The creation of the copy a `TaskCopied` names, to decide on the copy's own stream: the
 * source's fields and customer at the new date and time.
 */
export function copyCreation(
  source: TaskRecord,
  copied: TaskCopied['data'],
  customer: TaskCustomerFact,
  metadata: CommandMeta,
): CreateTask {
  const { date, time, copyId } = copied;
  return {
    type: 'CreateTask',
    data: {
      ...source.fields,
      date,
      time,
      taskId: copyId,
      customerId: source.customerId,
      customer: {
        status: customer.status,
        name: source.customerName,
        address: source.customerAddress,
      },
      copiedFrom: source.taskId,
    },
    metadata,
  };
}

function decide(command: TaskCommand, state: TaskState): TaskEvent[] {
  switch (command.type) {
    case 'CreateTask':
      return create(command, state);
    case 'StartTask':
      return start(command, state);
    case 'CompleteTask':
      return complete(command, state);
    case 'MarkTaskNotAttended':
      return markNotAttended(command, state);
    case 'EditTask':
      return edit(command, state);
    case 'CopyTask':
      return copy(command, state);
    default:
      return assertNever(command, 'task command');
  }
}

export const taskDecider: Decider<TaskCommand, TaskEvent, TaskState> = {
  initialState: INITIAL_TASK_STATE,
  evolve,
  decide,
};
