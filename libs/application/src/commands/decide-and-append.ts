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

/** One command, or several decided in order, each on the state the previous one left. */
type Commands<Command> = Command | readonly Command[];

/** How often a lost race is decided again on fresh reads, and how long to wait in between. */
export interface RetryPolicy {
  /** Attempts in all, the first one included: 1 never retries. */
  attempts: number;
  /** Waits before attempt `attempt + 1`, after attempt `attempt` lost a race. */
  backoff?(attempt: number): Promise<void>;
}

/** A few quick retries: enough for the odd concurrent writer on one aggregate. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 3 };

/**
 * A random wait, growing with the attempts (at most `maxMs`): writers that lost together (20
 * credit notes on one invoice at once) spread out instead of colliding again each round.
 */
export const jitteredBackoff =
  (maxMs: number) =>
  (attempt: number): Promise<void> =>
    new Promise((resolve) =>
      setTimeout(resolve, Math.random() * Math.min(maxMs, 4 * 2 ** attempt)),
    );

export interface DecideAndAppend<Command, Event extends { type: string; data: unknown }, State> {
  aggregateId: string;
  stream: string;
  decider: DeciderLike<Command, Event, State>;
  /**
   * What to decide: a command, several, or a function of the state loaded building them (some
   * commands need facts from it). None (`[]`) writes nothing.
   */
  command: Commands<Command> | ((state: State) => Commands<Command> | Promise<Commands<Command>>);
  /** Who issues the command: the metadata of every event written. */
  context: CommandContext;
  /**
   * The version the caller believes the stream is at (If-Match): a different one is refused
   * with WrongExpectedRevisionError, and a race on this stream is then not retried. Defaults to
   * `context.expectedVersion`; pass `null` to ignore it.
   */
  expectedVersion?: number | null;
  /** The context a command's events are recorded under, when not `context` (one per document). */
  contextOf?(command: Command): CommandContext;
  /** Lost races are decided again on fresh reads this often: DEFAULT_RETRY unless given. */
  retry?: RetryPolicy;
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
  /** The aggregate's state after the events written (the state loaded when none were). */
  state: State;
}

/**
 * The one load → decide → append path of every write (ARCHITECTURE rule 6): customer commands,
 * invoice documents and their numbers, bulk updates, billing runs and migration credits all
 * come through here. The append always expects the revision that was loaded, so two writers
 * never both win; without an expected version a lost race is decided again on the fresh state
 * (as the retry policy allows), with one it is the caller's 409.
 */
export async function decideAndAppend<
  Command,
  Event extends { type: string; data: unknown },
  State,
>(
  store: EventStore,
  spec: DecideAndAppend<Command, Event, State>,
): Promise<DecisionResult<Event, State>> {
  const expectedVersion =
    spec.expectedVersion === undefined
      ? spec.context.expectedVersion
      : (spec.expectedVersion ?? undefined);
  const retry = spec.retry ?? DEFAULT_RETRY;
  for (let attempt = 1; ; attempt++) {
    const recorded = await store.readStream(spec.stream);
    const loaded = foldState(recorded, spec.decider);
    const last = recorded[recorded.length - 1] as RecordedEvent | undefined;
    checkExpectedVersion(spec.stream, expectedVersion, recorded.length, last);
    const built =
      typeof spec.command === 'function'
        ? await (spec.command as (state: State) => Commands<Command> | Promise<Commands<Command>>)(
            loaded,
          )
        : spec.command;
    const commands: readonly Command[] = Array.isArray(built) ? built : [built as Command];
    let state = loaded;
    const events: Event[] = [];
    const written: NewEvent[] = [];
    for (const command of commands) {
      const decided = spec.decider.decide(command, state);
      state = decided.reduce(spec.decider.evolve, state);
      events.push(...decided);
      const context = spec.contextOf?.(command) ?? spec.context;
      written.push(...decided.map((event) => toNewEvent(event, context)));
    }
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
    const alongside = (await spec.alongside?.(events, loaded)) ?? { before: [], after: [] };
    const own: StreamAppend = { stream: spec.stream, events: written, expectedRevision };
    try {
      const result = await appendWith(store, own, alongside, () =>
        spec.onAppendFailed?.(events, loaded),
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
      // reads even with an expected version: the caller's version of this stream still holds.
      const again =
        error instanceof WrongExpectedRevisionError &&
        (expectedVersion === undefined || error.stream !== spec.stream) &&
        attempt < retry.attempts;
      if (!again) throw error;
      await retry.backoff?.(attempt);
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

function checkExpectedVersion(
  stream: string,
  expected: number | undefined,
  version: number,
  last?: RecordedEvent,
) {
  if (expected !== undefined && expected !== version) {
    throw new WrongExpectedRevisionError(
      stream,
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
