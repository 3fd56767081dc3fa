import {
  EventStore,
  ExpectedRevision,
  NewEvent,
  RecordedEvent,
  WrongExpectedRevisionError,
} from '@app/event-store';
import { CommandContext } from './command-context';
import { foldState } from './load-state';
import { CommandOutcome } from './command-outcome';

interface DeciderLike<Command, Event, State> {
  initialState: State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}

export interface DecideAndAppend<Command, Event extends { type: string; data: unknown }, State> {
  aggregateId: string;
  stream: string;
  decider: DeciderLike<Command, Event, State>;
  /** Builds the command from the state loaded (some commands need facts from it). */
  command: Command | ((state: State) => Command | Promise<Command>);
  context: CommandContext;
  /** Runs after decide and before append: claims unique values, say. Throw to refuse. */
  beforeAppend?(events: Event[], state: State): Promise<void>;
  /** Runs when the append failed after beforeAppend succeeded: undo its claims. */
  onAppendFailed?(events: Event[], state: State): Promise<void>;
  afterAppend?(events: Event[], state: State): Promise<void>;
}

export interface DecisionResult<Event, State> extends CommandOutcome {
  events: Event[];
  /** The state the command was decided on. */
  state: State;
}

const MAX_ATTEMPTS = 3;

/**
 * The one load → decide → append path of every handler (ARCHITECTURE rule 6). The append
 * always expects the revision that was loaded, so two writers never both win; without
 * If-Match a lost race is retried on the fresh state, with If-Match it is the client's 409.
 */
export async function decideAndAppend<
  Command,
  Event extends { type: string; data: unknown },
  State,
>(
  store: EventStore,
  spec: DecideAndAppend<Command, Event, State>,
): Promise<DecisionResult<Event, State>> {
  for (let attempt = 1; ; attempt++) {
    const recorded = await store.readStream(spec.stream);
    const state = foldState(recorded, spec.decider);
    const last = recorded[recorded.length - 1] as RecordedEvent | undefined;
    checkIfMatch(spec, recorded.length, last);
    const command =
      typeof spec.command === 'function'
        ? await (spec.command as (s: State) => Command | Promise<Command>)(state)
        : spec.command;
    const events = spec.decider.decide(command, state);
    if (events.length === 0) {
      return {
        id: spec.aggregateId,
        version: recorded.length,
        position: toNumber(last?.position),
        events,
        state,
      };
    }
    const expectedRevision: ExpectedRevision = last ? last.revision : 'no_stream';
    await spec.beforeAppend?.(events, state);
    try {
      const result = await store.append(
        spec.stream,
        events.map((e) => toNewEvent(e, spec.context)),
        {
          expectedRevision,
        },
      );
      await spec.afterAppend?.(events, state);
      return {
        id: spec.aggregateId,
        version: Number(result.nextRevision) + 1,
        position: toNumber(result.position),
        events,
        state,
      };
    } catch (error) {
      await spec.onAppendFailed?.(events, state);
      const retry =
        error instanceof WrongExpectedRevisionError &&
        spec.context.expectedVersion === undefined &&
        attempt < MAX_ATTEMPTS;
      if (!retry) throw error;
    }
  }
}

function checkIfMatch(
  spec: { stream: string; context: CommandContext },
  version: number,
  last?: RecordedEvent,
) {
  const expected = spec.context.expectedVersion;
  if (expected !== undefined && expected !== version) {
    throw new WrongExpectedRevisionError(
      spec.stream,
      expected === 0 ? 'no_stream' : BigInt(expected - 1),
      last ? last.revision : 'no_stream',
    );
  }
}

export function toNewEvent(
  event: { type: string; data: unknown },
  context: CommandContext,
): NewEvent {
  return {
    type: event.type,
    data: event.data,
    metadata: {
      actor: context.actor,
      via: context.via,
      correlationId: context.correlationId,
      causationId: context.causationId,
      occurredAt: context.at,
      ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
    },
  };
}

export const toNumber = (value: bigint | undefined): number | null =>
  value === undefined ? null : Number(value);
