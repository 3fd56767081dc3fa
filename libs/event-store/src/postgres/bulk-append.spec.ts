import { SqlDatabase } from '@app/database';
import { NewEvent } from '../event-store.port';
import { openTestPglite, openTestPostgres } from '../testing/test-databases';
import { PostgresEventStore } from './postgres-event-store';

type Opened = { db: SqlDatabase; dispose(): Promise<void> };

const databaseUrl = process.env.DATABASE_URL;
const backends: [string, () => Promise<Opened>][] = [
  ['PGlite', openTestPglite],
  ...(databaseUrl
    ? ([['PostgreSQL', () => openTestPostgres(databaseUrl, 'bulk')]] as [
        string,
        () => Promise<Opened>,
      ][])
    : []),
];

const event = (type: string, n: number): NewEvent => ({
  type,
  data: { n },
  metadata: { actor: 'bulk-spec', occurredAt: `2025-01-0${(n % 9) + 1}T00:00:00.000Z` },
});

/** What a log holds, leaving out what differs between any two writes: transaction and clock. */
async function logOf(db: SqlDatabase) {
  const events = await db.query(
    `SELECT position::text, stream_id, revision::text, event_id, event_type, schema_version,
            data, metadata, occurred_at FROM es_events ORDER BY position`,
  );
  const streams = await db.query('SELECT stream_id, revision::text FROM es_streams ORDER BY 1');
  return { events: events.rows, streams: streams.rows };
}

describe.each(backends)('appendStreamsWithin, the bulk append (%s)', (_name, open) => {
  let one: Opened;
  let other: Opened;
  let byStream: PostgresEventStore;
  let inBulk: PostgresEventStore;

  beforeEach(async () => {
    one = await open();
    other = await open();
    byStream = await PostgresEventStore.create(one.db);
    inBulk = await PostgresEventStore.create(other.db);
  });
  afterEach(async () => {
    await byStream.close();
    await inBulk.close();
    await one.dispose();
    await other.dispose();
  });

  it('writes the rows appendWithin writes for the same appends, a stream named twice included', async () => {
    const before = [{ stream: 'a', events: [event('Opened', 1)] }];
    const appends = [
      { stream: 'b', events: [event('Opened', 2), event('Changed', 3)] },
      { stream: 'a', events: [event('Changed', 4)] },
      { stream: 'b', events: [event('Changed', 5)] },
      { stream: 'c', events: [event('Opened', 6)] },
    ];
    // The same prepared events (ids, metadata) for both logs.
    const prepare = (store: PostgresEventStore, list: typeof appends) =>
      list.map(({ stream, events }) => ({ stream, events: store.prepare(stream, events) }));
    const earlier = prepare(byStream, before);
    const batch = prepare(byStream, appends);

    for (const { stream, events } of [...earlier, ...batch]) {
      await one.db.transaction((tx) => byStream.appendWithin(tx, stream, events, {}));
    }
    await other.db.transaction((tx) => inBulk.appendStreamsWithin(tx, earlier));
    const last = await other.db.transaction((tx) => inBulk.appendStreamsWithin(tx, batch));

    expect(await logOf(other.db)).toEqual(await logOf(one.db));
    expect(last).toBe(6n);
    expect((await inBulk.readStream('b')).map((e) => [e.revision, e.data])).toEqual([
      [0n, { n: 2 }],
      [1n, { n: 3 }],
      [2n, { n: 5 }],
    ]);
    expect(await inBulk.streamRevision('a')).toBe(1n);
    // The store goes on from there: an append expecting the bulk's revision is taken.
    await inBulk.append('b', [event('Changed', 7)], { expectedRevision: 2n });
  });

  it('writes nothing for no events', async () => {
    const last = await other.db.transaction((tx) =>
      inBulk.appendStreamsWithin(tx, [{ stream: 'a', events: [] }]),
    );
    expect(last).toBeUndefined();
    expect(await logOf(other.db)).toEqual({ events: [], streams: [] });
  });
});
