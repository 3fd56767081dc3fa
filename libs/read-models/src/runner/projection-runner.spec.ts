import { SqlDatabase } from '@app/database';
import { PostgresEventStore } from '@app/event-store';
import { openTestPglite, openTestPostgres } from '@app/event-store/testing/test-databases';
import { DataSource } from 'typeorm';
import { openReadModels } from '../data-source';
import { CountingProjection } from '../testing/counting-projection';
import { ProjectionRunner } from './projection-runner';

const databaseUrl = process.env.DATABASE_URL;

describe(`ProjectionRunner on ${databaseUrl ? 'PostgreSQL' : 'PGlite'}`, () => {
  let db: { db: SqlDatabase; dispose(): Promise<void> };
  let store: PostgresEventStore;
  let dataSource: DataSource;

  beforeEach(async () => {
    db = databaseUrl ? await openTestPostgres(databaseUrl, 'runner') : await openTestPglite();
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
  // On PostgreSQL an event becomes readable only once every older transaction in the cluster
  // has ended, other test files' included: wait for the positions appended, not `headPosition()`
  // read right away, and catch up until they are reached.
  let lastAppended = 0n;
  const appendCounted = async (stream: string, from: number, to: number) => {
    for (let n = from; n <= to; n++)
      ({ position: lastAppended } = await store.append(stream, [{ type: 'Counted', data: { n } }]));
    return lastAppended;
  };
  const catchUpTo = (runner: ProjectionRunner, position: bigint) =>
    until(async () => (await runner.catchUp()) >= position);
  async function until(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('catches up, follows live appends, and saves its checkpoint', async () => {
    await appendCounted('a', 1, 3);
    await store.append('other', [{ type: 'Ignored', data: {} }]);
    const runner = new ProjectionRunner(store, dataSource, [new CountingProjection()], {
      batchSize: 2,
    });
    runner.start();
    const head = await appendCounted('b', 1, 2);
    await until(async () => runner.position >= head);
    await runner.stop();
    expect(await counts()).toEqual({ a: 3, b: 2 });
    const [saved] = await dataSource.query(
      "SELECT position FROM projection_checkpoints WHERE name = 'counting'",
    );
    expect(BigInt(saved.position)).toBe(head);
  });

  it('resumes after a restart without applying anything twice or losing anything', async () => {
    const fifth = await appendCounted('a', 1, 5);
    const first = new ProjectionRunner(store, dataSource, [new CountingProjection()]);
    await catchUpTo(first, fifth);
    const eighth = await appendCounted('a', 6, 8);
    const second = new ProjectionRunner(store, dataSource, [new CountingProjection()]);
    await catchUpTo(second, eighth);
    expect(await counts()).toEqual({ a: 8 });
  });

  it('rolls a failing batch back whole and retries it, skipping nothing', async () => {
    const fourth = await appendCounted('a', 1, 4);
    // All four in the runner's first read, so in one batch: on PostgreSQL a commit shows only once
    // older transactions in the cluster have ended, and a read before that would split them.
    await until(async () => ((await store.headPosition()) ?? 0n) >= fourth, 10_000);
    const projection = new CountingProjection();
    projection.failOn = 3;
    const errors: unknown[] = [];
    // The failure is a lost connection (08006): the database's, not the event's, so the batch
    // is retried with backoff (onConnectionLost), never parked.
    const runner = new ProjectionRunner(store, dataSource, [projection], {
      batchSize: 10,
      onError: (error) => errors.push(error),
      onConnectionLost: (error) => errors.push(error),
    });
    runner.start();
    await until(async () => errors.length > 0);
    expect(await counts()).toEqual({});
    projection.failOn = undefined;
    const head = lastAppended;
    await until(async () => runner.position >= head);
    await runner.stop();
    expect(await counts()).toEqual({ a: 4 });
  });

  it('with a transaction per projection, keeps what one committed when another fails, and applies nothing twice', async () => {
    const fourth = await appendCounted('a', 1, 4);
    await until(async () => ((await store.headPosition()) ?? 0n) >= fourth, 10_000);
    const healthy = new CountingProjection('counting');
    const failing = new CountingProjection('counting-b', 'test_counts_b');
    failing.failOn = 3;
    const runner = new ProjectionRunner(store, dataSource, [healthy, failing], {
      batchSize: 10,
      transactions: 2,
    });
    await expect(runner.catchUp()).rejects.toThrow('connection lost mid-batch');
    expect(await counts('test_counts')).toEqual({ a: 4 });
    expect(await counts('test_counts_b')).toEqual({});
    failing.failOn = undefined;
    const sixth = await appendCounted('a', 5, 6);
    await catchUpTo(runner, sixth);
    expect(await counts('test_counts')).toEqual({ a: 6 });
    expect(await counts('test_counts_b')).toEqual({ a: 6 });
    const saved = await dataSource.query(
      'SELECT name, position FROM projection_checkpoints ORDER BY name',
    );
    expect(saved.map((row: { position: string }) => BigInt(row.position))).toEqual([sixth, sixth]);
  });
});
