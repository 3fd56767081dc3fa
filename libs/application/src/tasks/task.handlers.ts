import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isCreatedTask, TaskCustomerFact, TaskState } from '@app/domain';
import { CommandOutcome } from '../commands/command-outcome';
import {
  CompleteTaskCommand,
  CopyTaskCommand,
  CreateTaskCommand,
  EditTaskCommand,
  MarkTaskNotAttendedCommand,
  StartTaskCommand,
} from './task.commands';
import { TaskWrites } from './task-writes';

const at = (command: { context: { at: string } }) => ({ at: command.context.at });

/** No task, no customer to read: the decision refuses with R24.TASK_NOT_FOUND first. */
const NO_CUSTOMER: TaskCustomerFact = { status: 'unregistered', name: null, address: null };

@CommandHandler(CreateTaskCommand)
export class CreateTaskHandler implements ICommandHandler<CreateTaskCommand> {
  constructor(private readonly tasks: TaskWrites) {}
  async execute(c: CreateTaskCommand): Promise<CommandOutcome> {
    const customer = await this.tasks.customer(c.customerId);
    const data = { ...c.data, taskId: c.taskId, customerId: c.customerId, customer };
    return this.tasks.decide(c.taskId, { type: 'CreateTask', data, metadata: at(c) }, c.context);
  }
}

@CommandHandler(StartTaskCommand)
export class StartTaskHandler implements ICommandHandler<StartTaskCommand> {
  constructor(private readonly tasks: TaskWrites) {}
  execute(c: StartTaskCommand): Promise<CommandOutcome> {
    const data = { taskId: c.taskId };
    return this.tasks.decide(c.taskId, { type: 'StartTask', data, metadata: at(c) }, c.context);
  }
}

@CommandHandler(CompleteTaskCommand)
export class CompleteTaskHandler implements ICommandHandler<CompleteTaskCommand> {
  constructor(private readonly tasks: TaskWrites) {}
  execute(c: CompleteTaskCommand): Promise<CommandOutcome> {
    const data = { taskId: c.taskId };
    return this.tasks.decide(c.taskId, { type: 'CompleteTask', data, metadata: at(c) }, c.context);
  }
}

@CommandHandler(MarkTaskNotAttendedCommand)
export class MarkTaskNotAttendedHandler implements ICommandHandler<MarkTaskNotAttendedCommand> {
  constructor(private readonly tasks: TaskWrites) {}
  execute(c: MarkTaskNotAttendedCommand): Promise<CommandOutcome> {
    const data = { taskId: c.taskId };
    const command = { type: 'MarkTaskNotAttended' as const, data, metadata: at(c) };
    return this.tasks.decide(c.taskId, command, c.context);
  }
}

@CommandHandler(EditTaskCommand)
export class EditTaskHandler implements ICommandHandler<EditTaskCommand> {
  constructor(private readonly tasks: TaskWrites) {}
  execute(c: EditTaskCommand): Promise<CommandOutcome> {
    const data = { ...c.data, taskId: c.taskId };
    return this.tasks.decide(c.taskId, { type: 'EditTask', data, metadata: at(c) }, c.context);
  }
}

@CommandHandler(CopyTaskCommand)
export class CopyTaskHandler implements ICommandHandler<CopyTaskCommand> {
  constructor(private readonly tasks: TaskWrites) {}
  execute(c: CopyTaskCommand): Promise<CommandOutcome> {
    return this.tasks.copy(
      c.taskId,
      async (state: TaskState) => ({
        type: 'CopyTask',
        data: {
          ...c.data,
          taskId: c.taskId,
          copyId: c.copyId,
          customer: isCreatedTask(state)
            ? await this.tasks.customer(state.customerId)
            : NO_CUSTOMER,
        },
        metadata: at(c),
      }),
      c.context,
    );
  }
}

/** Everything the tasks capability registers with Nest. */
export const taskApplicationProviders = [
  TaskWrites,
  CreateTaskHandler,
  StartTaskHandler,
  CompleteTaskHandler,
  MarkTaskNotAttendedHandler,
  EditTaskHandler,
  CopyTaskHandler,
];
