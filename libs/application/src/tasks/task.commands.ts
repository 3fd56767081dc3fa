import { Command } from '@nestjs/cqrs';
import { TaskCommand } from '@app/domain';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';

/** The domain command's data as the client gives it: ids and facts are the handler's. */
type DataOf<T extends TaskCommand['type']> = Omit<
  Extract<TaskCommand, { type: T }>['data'],
  'taskId' | 'customerId' | 'customer' | 'copyId' | 'copiedFrom'
>;

/** One task use case (rule 24): which task, its data typed by the domain's command, who asks. */
abstract class TaskUseCase<T extends TaskCommand['type']> extends Command<CommandOutcome> {
  constructor(
    readonly taskId: string,
    readonly data: DataOf<T>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Creates a task from the customer's file (`taskId` is new). */
export class CreateTaskCommand extends Command<CommandOutcome> {
  constructor(
    readonly taskId: string,
    readonly customerId: string,
    readonly data: DataOf<'CreateTask'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
export class StartTaskCommand extends TaskUseCase<'StartTask'> {}
export class CompleteTaskCommand extends TaskUseCase<'CompleteTask'> {}
export class MarkTaskNotAttendedCommand extends TaskUseCase<'MarkTaskNotAttended'> {}
export class EditTaskCommand extends TaskUseCase<'EditTask'> {}

/** Copies `taskId` as `copyId`; answers the copy's id. */
export class CopyTaskCommand extends Command<CommandOutcome> {
  constructor(
    readonly taskId: string,
    readonly copyId: string,
    readonly data: DataOf<'CopyTask'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
