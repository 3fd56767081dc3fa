import { Inject, Injectable } from '@nestjs/common';
import {
  copyCreation,
  isCreatedTask,
  TaskCommand,
  TaskCopied,
  taskDecider,
  TaskState,
  taskStream,
} from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';
import { decideAndAppend, toNewEvent } from '../commands/decide-and-append';
import { taskCustomerFact } from './task-customer-fact';

/** A task command through the one write path (load → decide → append on `task-<id>`). */
@Injectable()
export class TaskWrites {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The customer a task names, read from the customer's stream now. */
  customer(customerId: string) {
    return taskCustomerFact(this.store, customerId);
  }

  async decide(
    taskId: string,
    command: TaskCommand | ((state: TaskState) => Promise<TaskCommand>),
    context: CommandContext,
  ): Promise<CommandOutcome> {
    const { id, version, position } = await decideAndAppend(this.store, {
      aggregateId: taskId,
      stream: taskStream(taskId),
      decider: taskDecider,
      command,
      context,
    });
    return { id, version, position };
  }

  /**
   * Rule 24's copy: `TaskCopied` on the source (If-Match is the source's version) and the
   * copy's `TaskCreated`, decided on its own new stream, appended with it (one transaction on
   * the SQL stores, the copy first). Answers the copy: its id, version 1 and a position at or
   * past both events.
   */
  async copy(
    taskId: string,
    command: (state: TaskState) => Promise<TaskCommand>,
    context: CommandContext,
  ): Promise<CommandOutcome> {
    const result = await decideAndAppend(this.store, {
      aggregateId: taskId,
      stream: taskStream(taskId),
      decider: taskDecider,
      command,
      context,
      alongside: async (events, state) => {
        const copied = events.find((event): event is TaskCopied => event.type === 'TaskCopied');
        if (!copied || !isCreatedTask(state)) return { before: [], after: [] };
        const customer = await this.customer(state.customerId);
        const creation = copyCreation(state, copied.data, customer, { at: context.at });
        const created = taskDecider.decide(creation, taskDecider.initialState);
        return {
          before: [
            {
              stream: taskStream(copied.data.copyId),
              events: created.map((event) => toNewEvent(event, context)),
              expectedRevision: 'no_stream',
            },
          ],
          after: [],
        };
      },
    });
    const copied = result.events.find((event): event is TaskCopied => event.type === 'TaskCopied');
    if (!copied) throw new Error(`Copying task ${taskId} wrote no copy`);
    return { id: copied.data.copyId, version: 1, position: result.position };
  }
}
