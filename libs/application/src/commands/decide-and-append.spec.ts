import { EventStore, WrongExpectedRevisionError } from '@app/event-store';
import { CommandContext } from './command-context';
import { decideAndAppend, RetryPolicy } from './decide-and-append';

/** A counter: each `Add` command is one `Added` event; the state is their sum. */
const counter = {
  initialState: 0,
  evolve: (state: number, event: { type: 'Added'; data: { by: number } }) => state + event.data.by,
  decide: (command: { by: number }) => [{ type: 'Added' as const, data: { by: command.by } }],
};

const context: CommandContext = {
  actor: 'spec',
  via: 'spec',
  correlationId: 'c-1',
  causationId: null,
  at: '2026-01-01T00:00:00.000Z',
};

/** A store whose stream is empty and whose first `lost` appends lose a race. */
function racingStore(lost: number) {
  const calls = { reads: 0, appends: [] as unknown[][] };
  const store = {
    readStream: async () => {
      calls.reads++;
      return [];
    },
    append: async (stream: string, events: unknown[]) => {
      calls.appends.push(events);
      if (calls.appends.length <= lost)
        throw new WrongExpectedRevisionError(stream, 'no_stream', 0n);
      return { nextRevision: BigInt(events.length - 1), position: 7n };
    },
  } as unknown as EventStore;
  return { store, calls };
}

const spec = (retry?: RetryPolicy, expectedVersion?: number | null) => ({
  aggregateId: 'a',
  stream: 'counter-a',
  decider: counter,
  command: [{ by: 2 }, { by: 3 }],
  context,
  retry,
  expectedVersion,
});

describe('decideAndAppend', () => {
  it('decides several commands in order on one state and appends them together', async () => {
    const { store, calls } = racingStore(0);
    const result = await decideAndAppend(store, spec());
    expect(result).toMatchObject({ id: 'a', version: 2, position: 7, state: 5 });
    expect(calls.appends).toHaveLength(1);
    expect(calls.appends[0]).toHaveLength(2);
  });

  it('decides a lost race again on fresh reads as often as the policy allows, backing off between', async () => {
    const { store, calls } = racingStore(4);
    const waits: number[] = [];
    const backoff = async (attempt: number) => void waits.push(attempt);
    const result = await decideAndAppend(store, spec({ attempts: 5, backoff }));
    expect(result.version).toBe(2);
    expect(calls.reads).toBe(5);
    expect(waits).toEqual([1, 2, 3, 4]);
  });

  it('gives up after the last attempt with the race it lost', async () => {
    const { store, calls } = racingStore(10);
    await expect(decideAndAppend(store, spec({ attempts: 3 }))).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect(calls.reads).toBe(3);
  });

  it('never retries a race on a stream whose version the caller pinned', async () => {
    const { store, calls } = racingStore(1);
    await expect(decideAndAppend(store, spec({ attempts: 20 }, 0))).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect(calls.reads).toBe(1);
  });

  it('refuses a stale expected version before deciding, writing nothing', async () => {
    const { store, calls } = racingStore(0);
    await expect(decideAndAppend(store, spec(undefined, 3))).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect(calls.appends).toHaveLength(0);
  });
});
