import {
  AppendResult,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  NewEvent,
  RecordedEvent,
  StreamAppend,
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
  /**
   * Runs after decide, reading only: what other streams must take with the command's events
   * (unique-value claims, say). Throw to refuse; nothing has been written yet.
   */
  alongside?(events: Event[], state: State): Promise<Alongside>;
  /**
   * On a store without an atomic `appendMany` (EventStoreDB) only: the `before` appends were
   * written but the command's were refused; undo what they claimed.
   */
  onAppendFailed?(events: Event[], state: State): Promise<void>;
}

/** Appends to other streams that go with the command's: written before and after its events. */
export interface Alongside {
  before: StreamAppend[];
  after: StreamAppend[];
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
    const alongside = (await spec.alongside?.(events, state)) ?? { before: [], after: [] };
    const own: StreamAppend = {
      stream: spec.stream,
      events: events.map((e) => toNewEvent(e, spec.context)),
      expectedRevision,
    };
    try {
      const result = await appendWith(store, own, alongside, () =>
        spec.onAppendFailed?.(events, state),
      );
      return {
        id: spec.aggregateId,
        version: Number(result.nextRevision) + 1,
        position: toNumber(result.position),
        events,
        state,
      };
    } catch (error) {
      // A lost race on another stream (a value claimed meanwhile) is decided again on fresh
      // reads even under If-Match: the client's version of this stream still holds.
      const retry =
        error instanceof WrongExpectedRevisionError &&
        (spec.context.expectedVersion === undefined || error.stream !== spec.stream) &&
        attempt < MAX_ATTEMPTS;
      if (!retry) throw error;
    }
  }
}

/**
 * The command's events with those of other streams that go with them: in one transaction
 * where the store can (a refusal of any writes none). EventStoreDB cannot: the `before`
 * appends go first, so a crash or a lost race leaves a claim without its events (`undo`
 * releases it; if the process dies first, it goes stale and is taken over), never events
 * without their claim; the `after` appends (releases) follow, and one lost is only a claim
 * left stale.
 */
async function appendWith(
  store: EventStore,
  own: StreamAppend,
  alongside: Alongside,
  undo: () => Promise<void> | undefined,
): Promise<AppendResult> {
  const { before, after } = alongside;
  if (before.length === 0 && after.length === 0)
    return store.append(own.stream, own.events, { expectedRevision: own.expectedRevision });
  if (store.atomicAppendMany) {
    const results = await store.appendMany([...before, own, ...after]);
    return results[before.length];
  }
  let result: AppendResult;
  try {
    if (before.length > 0) await store.appendMany(before);
    result = await store.append(own.stream, own.events, {
      expectedRevision: own.expectedRevision,
    });
  } catch (error) {
    await undo();
    throw error;
  }
  if (after.length > 0)
    await store.appendMany(after).catch((error: unknown) => {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    });
  return result;
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
  return { type: event.type, data: event.data, metadata: metadataOf(context) };
}

/** Who, through which key, in answer to what, and when: what every event of a command carries. */
export function metadataOf(context: CommandContext): Partial<EventMetadata> {
  return {
    actor: context.actor,
    via: context.via,
    correlationId: context.correlationId,
    causationId: context.causationId,
    occurredAt: context.at,
    ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
  };
}

export const toNumber = (value: bigint | undefined): number | null =>
  value === undefined ? null : Number(value);
