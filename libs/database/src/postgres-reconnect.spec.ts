import { DataSource, QueryFailedError } from 'typeorm';
import { isConnectionError } from './connection-errors';
import { PostgresDatabase } from './postgres-database';
import { typeormDriverFor } from './typeorm-driver';

const databaseUrl = process.env.DATABASE_URL;
const describeOnPostgres = databaseUrl ? describe : describe.skip;

/**
 * What a server restart does to each connection, one at a time: `pg_terminate_backend` sends
 * the same 57P01 "terminating connection due to administrator command" a fast shutdown does.
 */
describeOnPostgres('PostgreSQL connections the server terminates (57P01)', () => {
  let db: PostgresDatabase;
  let admin: PostgresDatabase;
  beforeEach(async () => {
    db = await PostgresDatabase.open({ connectionString: databaseUrl!, poolSize: 2 });
    admin = await PostgresDatabase.open({ connectionString: databaseUrl!, poolSize: 1 });
  });
  afterEach(async () => {
    await db.close();
    await admin.close();
  });

  const terminate = (pid: number) => admin.query('SELECT pg_terminate_backend($1::int)', [pid]);
  async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('a checked-out connection: its next query fails as a connection error, the process goes on, the pool opens a new one', async () => {
    const lease = await db.lease();
    const { rows } = await lease.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await terminate(rows[0].pid);
    // The server's message arrives on an idle, checked-out client: an 'error' event nobody
    // listened to used to end the process here.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const failure = await lease.query('SELECT 1').catch((error: unknown) => error);
    expect(isConnectionError(failure)).toBe(true);
    lease.release();
    const after = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    expect(after.rows[0].pid).not.toBe(rows[0].pid);
  });

  it("TypeORM's connection (a lease of the pool): a QueryFailedError around the connection error, then a new connection", async () => {
    const dataSource = await new DataSource({
      type: 'postgres',
      driver: typeormDriverFor(db),
    }).initialize();
    try {
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      const [{ pid }] = (await runner.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
      await terminate(pid);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const failure = await runner.query('SELECT 1').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(QueryFailedError);
      expect(isConnectionError(failure)).toBe(true);
      await runner.release();
      const [after] = (await dataSource.query('SELECT pg_backend_pid() AS pid')) as {
        pid: number;
      }[];
      expect(after.pid).not.toBe(pid);
    } finally {
      await dataSource.destroy();
    }
  });

  it('idle pooled connections: the next queries are served on new ones', async () => {
    const pids = await Promise.all(
      [0, 1].map(() =>
        db.transaction((tx) => tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')),
      ),
    );
    for (const result of pids) await terminate(result.rows[0].pid);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await until(
      async () =>
        await db
          .query('SELECT 1')
          .then(() => true)
          .catch(() => false),
    );
    expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('a LISTEN connection reconnects, listens again, and says so (notifications resume)', async () => {
    const channel = `test_listen_${Math.random().toString(36).slice(2, 10)}`;
    const received: (string | undefined)[] = [];
    let reconnections = 0;
    const lost: number[] = [];
    const listener = await db.listen(channel, {
      onNotification: (payload) => received.push(payload),
      onReconnected: () => reconnections++,
      onConnectionLost: (_, retryInMs) => lost.push(retryInMs),
    });
    try {
      const notify = (payload: string) =>
        admin.query('SELECT pg_notify($1, $2)', [channel, payload]);
      await notify('before');
      await until(() => received.includes('before'));
      const listening = await admin.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE query = $1',
        [`LISTEN "${channel}"`],
      );
      expect(listening.rows).toHaveLength(1);
      await terminate(listening.rows[0].pid);
      await until(() => reconnections === 1);
      expect(lost.length).toBeGreaterThan(0);
      expect(listener.connected).toBe(true);
      await notify('after');
      await until(() => received.includes('after'));
    } finally {
      await listener.close();
    }
    expect(listener.connected).toBe(false);
  });
});
