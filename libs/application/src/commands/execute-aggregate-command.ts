import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CommandContext } from './command-context';
import { CommandOutcome } from './command-outcome';
import { DecideAndAppend, decideAndAppend, DecisionResult } from './decide-and-append';

type AnyEvent = { type: string; data: unknown };

/** One decider command on one stream, through the command bus. */
export class ExecuteAggregateCommand<Command, Event extends AnyEvent, State> {
  constructor(readonly spec: DecideAndAppend<Command, Event, State>) {}
}

@CommandHandler(ExecuteAggregateCommand)
export class ExecuteAggregateCommandHandler implements ICommandHandler<
  ExecuteAggregateCommand<unknown, AnyEvent, unknown>,
  DecisionResult<AnyEvent, unknown>
> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ spec }: ExecuteAggregateCommand<unknown, AnyEvent, unknown>) {
    return decideAndAppend(this.store, spec);
  }
}

type Hooks<Command, Event extends AnyEvent, State> = Pick<
  DecideAndAppend<Command, Event, State>,
  'alongside' | 'onAppendFailed'
>;

interface AggregateKind<Command, Event extends AnyEvent, State> {
  decider: DecideAndAppend<Command, Event, State>['decider'];
  stream(id: string): string;
  /** The field of every command's data naming the aggregate (`contractId`, …). */
  idField: string;
  /** Checks across aggregates around the append (e.g. unique values), per command. */
  hooks?(id: string, context: CommandContext): Hooks<Command, Event, State>;
}

type CommandOf<C, T> = Extract<C, { type: T }>;
type DataOf<C, T> = CommandOf<C, T> extends { data: infer D } ? D : never;

/**
 * What a capability's controllers use to run one of its aggregate's commands: builds the domain
 * command (data, the aggregate id, the instant), optionally from the loaded state, and answers
 * API.md's `{ id, version, position }`.
 */
export class AggregateCommands<
  Command extends { type: string },
  Event extends AnyEvent,
  State,
  IdField extends string = string,
> {
  constructor(
    private readonly bus: CommandBus,
    private readonly kind: AggregateKind<Command, Event, State> & { idField: IdField },
  ) {}

  async run<T extends Command['type']>(
    type: T,
    id: string,
    data:
      | Omit<DataOf<Command, T>, IdField>
      | ((state: State) => Promise<Omit<DataOf<Command, T>, IdField>>),
    context: CommandContext,
  ): Promise<CommandOutcome> {
    // `data` is the command's data but its id field (checked by the signature), so with the id
    // added it is the command's data; TypeScript cannot see through the computed key alone.
    const build = async (state: State): Promise<Command> => {
      const fields = typeof data === 'function' ? await data(state) : data;
      const command = {
        type,
        data: { ...fields, [this.kind.idField]: id },
        metadata: { at: context.at },
      };
      return command as unknown as Command;
    };
    const result = await this.bus.execute<
      ExecuteAggregateCommand<Command, Event, State>,
      DecisionResult<Event, State>
    >(
      new ExecuteAggregateCommand({
        aggregateId: id,
        stream: this.kind.stream(id),
        decider: this.kind.decider,
        command: build,
        context,
        ...this.kind.hooks?.(id, context),
      }),
    );
    return { id: result.id, version: result.version, position: result.position };
  }
}
