import type { RecordedEvent } from '@app/event-store';
import { foldIntoRows, KeyedFold, keysOf } from './keyed-rows';

/** A row per counter: how many `Added` it took and their sum; no database anywhere. */
interface Counter {
  id: string;
  total: number;
  lastRevision: number;
}

const added = (counter: string, amount: number, revision: number): RecordedEvent => ({
  id: `00000000-0000-4000-8000-${String(revision).padStart(12, '0')}`,
  type: 'Added',
  data: { counter, amount },
  metadata: {
    actor: 'fold-spec',
    correlationId: 'fold-spec',
    causationId: null,
    occurredAt: '2025-03-01T10:00:00.000Z',
    schemaVersion: 1,
  },
  stream: `counter-${counter}`,
  revision: BigInt(revision),
  position: BigInt(revision),
});

type Added = RecordedEvent<'Added', { counter: string; amount: number }>;

const counters: KeyedFold<Counter, Added> = {
  canHandle: (event): event is Added => event.type === 'Added',
  keyOf: (event) => (event.data.amount === 0 ? null : event.data.counter),
  evolve: (row, event) =>
    event.data.amount < 0
      ? null
      : {
          id: event.data.counter,
          total: (row?.total ?? 0) + event.data.amount,
          lastRevision: Number(event.revision),
        },
  lastRevisionOf: (row) => row.lastRevision,
};

describe('foldIntoRows (the keyed-row projections’ fold, without a database)', () => {
  it('folds each event into its row in log order and answers the rows that changed', () => {
    const changed = foldIntoRows(
      counters,
      [added('a', 1, 1), added('b', 5, 1), added('a', 2, 2)],
      new Map([['c', { id: 'c', total: 9, lastRevision: 4 }]]),
    );
    expect([...changed.values()]).toEqual([
      { id: 'a', total: 3, lastRevision: 2 },
      { id: 'b', total: 5, lastRevision: 1 },
    ]);
  });

  it('skips an event whose revision its row already holds, so a batch applied twice changes nothing', () => {
    const events = [added('a', 1, 1), added('a', 2, 2)];
    const once = foldIntoRows(counters, events, new Map());
    expect(foldIntoRows(counters, events, once)).toEqual(new Map());
    const next = foldIntoRows(counters, [...events, added('a', 4, 3)], once);
    expect(next.get('a')).toEqual({ id: 'a', total: 7, lastRevision: 3 });
  });

  it('leaves out events it does not handle, events that key no row, and folds answering null', () => {
    const other = { ...added('a', 1, 1), type: 'Renamed' };
    const rows = new Map([['a', { id: 'a', total: 1, lastRevision: 1 }]]);
    expect(foldIntoRows(counters, [other, added('a', 0, 2), added('a', -1, 3)], rows)).toEqual(
      new Map(),
    );
    expect(rows.get('a')).toEqual({ id: 'a', total: 1, lastRevision: 1 });
  });

  it('keysOf answers each key the events update once, for one SELECT', () => {
    expect(keysOf(counters, [added('a', 1, 1), added('b', 0, 1), added('a', 1, 2)])).toEqual(['a']);
  });
});
