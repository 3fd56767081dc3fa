import { SqlDatabase } from '@app/database';
import { PostgresEventStore, RecordedEvent } from '@app/event-store';
import { openTestPglite, openTestPostgres } from '@app/event-store/testing/test-databases';
import { DataSource, EntityManager } from 'typeorm';
import { parkedEvents, STREAM_BLOCKED } from '../containment/parked-events';
import { openReadModels } from '../data-source';
import { Projection } from '../projection';
import { CountingProjection } from '../testing/counting-projection';
import { RebuildRunner } from './rebuild-runner';

const databaseUrl = process.env.DATABASE_URL;

/** A projection whose batches take `delayMs` longer, so the other lane runs ahead. */
const slowed = (projection: CountingProjection, delayMs: number): Projection => ({
  name: projection.name,
  handles: projection.handles,
  tables: projection.tables,
  applyBatch: async (events: readonly RecordedEvent[], manager: EntityManager) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    await projection.applyBatch(events, manager);
  },
});

describe(`RebuildRunner (the runner's rebuild mode) on ${databaseUrl ? 'PostgreSQL' : 'PGlite'}`, () => {
  let db: { db: SqlDatabase; dispose(): Promise<void> };
  let store: PostgresEventStore;
  let dataSource: DataSource;

  beforeEach(async () => {
    db = databaseUrl
      ? await openTestPostgres(databaseUrl, 'rebuildrunner')
      : await openTestPglite();
    store = await PostgresEventStore.create(db.db, { pollIntervalMs: 10 });
    dataSource = await openReadModels(db.db);
    for (const table of ['test_counts', 'test_counts_b'])
      await dataSource.query(
        `CREATE TABLE ${table} (stream text PRIMARY KEY, count int NOT NULL, last_n int NOT NULL)`,
      );
  });
  afterEach(async () => {
    await dataSource.destroy();
    await store.close();
    await db.dispose();
  });

  const counts = async (table = 'test_counts') =>
    Object.fromEntries(
      (
        (await dataSource.query(`SELECT stream, count FROM ${table} ORDER BY stream`)) as {
          stream: string;
          count: number;
        }[]
      ).map((row) => [row.stream, Number(row.count)]),
    );
  /** Appends `Counted` events n = from…to and waits until readers see them (PostgreSQL). */
  const appendCounted = async (stream: string, from: number, to: number) => {
    let last = 0n;
    for (let n = from; n <= to; n++)
      ({ position: last } = await store.append(stream, [{ type: 'Counted', data: { n } }]));
    await until(async () => ((await store.headPosition()) ?? 0n) >= last, 10_000);
    return last;
  };
  async function until(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('applies every batch to every projection once, and reports each batch in order once all have it', async () => {
    const ninth = await appendCounted('a', 1, 9);
    const reported: bigint[] = [];
    const slowestHad: number[] = [];
    const runner = new RebuildRunner(
      store,
      dataSource,
      [new CountingProjection(), slowed(new CountingProjection('counting-b', 'test_counts_b'), 5)],
      {
        batchSize: 2,
        readAhead: 2,
        onBatch: async ({ position }) => {
          reported.push(position);
          slowestHad.push((await counts('test_counts_b')).a);
        },
      },
    );
    expect(await runner.catchUp()).toBe(ninth);
    expect(await counts('test_counts')).toEqual({ a: 9 });
    expect(await counts('test_counts_b')).toEqual({ a: 9 });
    expect(reported).toHaveLength(5);
    expect(reported).toEqual([...reported].sort((x, y) => (x < y ? -1 : 1)));
    expect(reported[4]).toBe(ninth);
    // Each batch reported once the slowest projection had committed it (and maybe more).
    slowestHad.forEach((had, index) =>
      expect(had).toBeGreaterThanOrEqual(Math.min(9, 2 * (index + 1))),
    );
  });

  it('stops a projection at its failing batch while the other keeps what it committed; the retry applies nothing twice', async () => {
    const ninth = await appendCounted('a', 1, 9);
    const failing = new CountingProjection('counting-b', 'test_counts_b');
    failing.failOn = 5;
    const options = { batchSize: 2, readAhead: 2 };
    const runner = new RebuildRunner(
      store,
      dataSource,
      [slowed(new CountingProjection(), 5), failing],
      options,
    );
    await expect(runner.catchUp()).rejects.toThrow('connection lost mid-batch');
    // Its batches [1, 2] and [3, 4] committed, [5, 6] rolled back, nothing after it applied.
    expect(await counts('test_counts_b')).toEqual({ a: 4 });
    expect((await counts('test_counts')).a).toBeGreaterThanOrEqual(4);
    failing.failOn = undefined;
    const again = new RebuildRunner(
      store,
      dataSource,
      [new CountingProjection(), failing],
      options,
    );
    expect(await again.catchUp()).toBe(ninth);
    expect(await counts('test_counts')).toEqual({ a: 9 });
    expect(await counts('test_counts_b')).toEqual({ a: 9 });
  });

  it('stops at upTo, and parks an event a projection cannot apply, as the live runner does', async () => {
    await appendCounted('a', 1, 3);
    const fourth = await appendCounted('b', 1, 1);
    await appendCounted('b', 2, 2);
    const failing = new CountingProjection();
    failing.failOn = 2;
    failing.failWith = () => new RangeError('projection bug');
    const runner = new RebuildRunner(store, dataSource, [failing], { batchSize: 2 });
    expect(await runner.catchUp(fourth)).toBe(fourth);
    expect(await counts()).toEqual({ a: 1, b: 1 });
    const parked = await parkedEvents.list(dataSource.manager, { projection: 'counting' });
    expect(parked.map((row) => [row.streamId, row.errorCode])).toEqual([
      ['a', 'RangeError'],
      ['a', STREAM_BLOCKED],
    ]);
  });

  it('analyzes the tables as they grow', async () => {
    await appendCounted('a', 1, 3);
    await appendCounted('b', 1, 2);
    const reltuples = async () =>
      Number(
        (
          (await dataSource.query(
            "SELECT reltuples FROM pg_class WHERE oid = 'test_counts'::regclass",
          )) as { reltuples: string }[]
        )[0].reltuples,
      );
    expect(await reltuples()).toBeLessThan(2);
    await new RebuildRunner(store, dataSource, [new CountingProjection()], {
      analyzeFirstAfter: 1,
    }).catchUp();
    expect(await reltuples()).toBe(2);
  });
});
