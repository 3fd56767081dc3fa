import { SqlDatabase } from '@app/database';
import { PostgresEventStore, RecordedEvent } from '@app/event-store';
import { openTestPglite, openTestPostgres } from '@app/event-store/testing/test-databases';
import { DataSource, EntityManager } from 'typeorm';
import { openReadModels } from '../data-source';
import { Projection } from '../projection';
import { ProjectionRunner } from './projection-runner';

const databaseUrl = process.env.DATABASE_URL;

/** What `pg` throws at a query when the server restarts under it. */
const terminated = () =>
  Object.assign(new Error('terminating connection due to administrator command'), {
    code: '57P01',
  });

/** Counts its events; the first `failures` batches fail as if the database had gone away. */
class FlakyConnectionProjection implements Projection {
  readonly name = 'flaky';
  readonly handles = ['Counted'];
  readonly tables = ['test_flaky'];
  constructor(public failures: number) {}

  async applyBatch(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    if (this.failures > 0) {
      this.failures--;
      throw terminated();
    }
    for (const event of events)
      await manager.query(
        `INSERT INTO test_flaky (stream, count) VALUES ($1, 1)
         ON CONFLICT (stream) DO UPDATE SET count = test_flaky.count + 1`,
        [event.stream],
      );
  }
}

describe(`ProjectionRunner when the database goes away, on ${databaseUrl ? 'PostgreSQL' : 'PGlite'}`, () => {
  let db: { db: SqlDatabase; dispose(): Promise<void> };
  let store: PostgresEventStore;
  let dataSource: DataSource;

  beforeEach(async () => {
    db = databaseUrl ? await openTestPostgres(databaseUrl, 'reconnect') : await openTestPglite();
    store = await PostgresEventStore.create(db.db, { pollIntervalMs: 10 });
    dataSource = await openReadModels(db.db);
    await dataSource.query('CREATE TABLE test_flaky (stream text PRIMARY KEY, count int NOT NULL)');
  });
  afterEach(async () => {
    await dataSource.destroy();
    await store.close();
    await db.dispose();
  });

  async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('retries a connection error with growing waits, not as an error of the event, and applies it once', async () => {
    let head = 0n;
    for (let n = 1; n <= 3; n++)
      ({ position: head } = await store.append('a', [{ type: 'Counted', data: { n } }]));
    const errors: unknown[] = [];
    const waits: number[] = [];
    const runner = new ProjectionRunner(store, dataSource, [new FlakyConnectionProjection(3)], {
      onError: (error) => errors.push(error),
      onConnectionLost: (_, retryInMs) => waits.push(retryInMs),
    });
    runner.start();
    await until(() => runner.position >= head);
    await runner.stop();
    const [row] = await dataSource.query("SELECT count FROM test_flaky WHERE stream = 'a'");
    expect(Number(row.count)).toBe(3);
    expect(errors).toEqual([]);
    expect(waits).toHaveLength(3);
    // Exponential: each wait at most the bound (2 s), the third longer than the first.
    expect(waits[2]).toBeGreaterThan(waits[0]);
    expect(Math.max(...waits)).toBeLessThanOrEqual(2000);
  });

  it('stop() does not wait out a backoff', async () => {
    await store.append('a', [{ type: 'Counted', data: { n: 1 } }]);
    const waits: number[] = [];
    const runner = new ProjectionRunner(store, dataSource, [new FlakyConnectionProjection(1e9)], {
      onConnectionLost: (_, retryInMs) => waits.push(retryInMs),
    });
    runner.start();
    try {
      await until(() => waits.some((wait) => wait >= 1000));
    } finally {
      const stopping = Date.now();
      await runner.stop();
      expect(Date.now() - stopping).toBeLessThan(500);
    }
  });
});
