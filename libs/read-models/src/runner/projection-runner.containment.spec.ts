import { customerStream } from '@app/domain';
import { RecordedEvent } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { parkedEvents, replayParked, STREAM_BLOCKED } from '../containment';
import { customerProjections } from '../customers';
import { customerFileProjection } from '../customers/customer-file.projection';
import { CustomerLog, databaseName } from '../customers/testing/customer-log';
import { Projection } from '../projection';
import { ProjectionRunner } from './projection-runner';

/** Counts a stream's events; throws `failWith` on the event whose `n` is `failOn`. */
class CountingProjection implements Projection {
  readonly handles = ['Counted'];
  readonly tables: string[];
  failOn: number | undefined;
  failWith: () => unknown = () => new RangeError('projection bug');

  constructor(
    readonly name: string,
    private readonly table: string,
  ) {
    this.tables = [table];
  }

  async applyBatch(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    for (const event of events) {
      const { n } = event.data as { n: number };
      await manager.query(
        `INSERT INTO ${this.table} (stream, count, ns) VALUES ($1, 1, ARRAY[$2::int])
         ON CONFLICT (stream) DO UPDATE SET count = ${this.table}.count + 1, ns = ${this.table}.ns || $2::int`,
        [event.stream, n],
      );
      if (n === this.failOn) throw this.failWith();
    }
  }
}

/** A PostgreSQL error as the drivers raise it: a SQLSTATE in `code`. */
const sqlError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe(`Containment: an event a projection cannot apply is parked on ${databaseName}`, () => {
  let log: CustomerLog;
  beforeEach(async () => {
    log = await CustomerLog.open('containment', {
      sealPersonalData: true,
      testEventTypes: ['Counted'],
    });
    for (const table of ['test_counts', 'test_counts_b'])
      await log.dataSource.query(
        `CREATE TABLE ${table} (stream text PRIMARY KEY, count int NOT NULL, ns int[] NOT NULL)`,
      );
  });
  afterEach(() => log.close());

  const parked = (projection?: string) => parkedEvents.list(log.dataSource.manager, { projection });
  const checkpoints = async () =>
    Object.fromEntries(
      (
        (await log.dataSource.query('SELECT name, position FROM projection_checkpoints')) as {
          name: string;
          position: string;
        }[]
      ).map((row) => [row.name, BigInt(row.position)]),
    );
  const counts = async (table: string) =>
    Object.fromEntries(
      (
        (await log.dataSource.query(`SELECT stream, ns FROM ${table} ORDER BY stream`)) as {
          stream: string;
          ns: number[];
        }[]
      ).map((row) => [row.stream, row.ns]),
    );
  const count = async (stream: string, ...ns: number[]) => {
    for (const n of ns) await log.appendWith(log.store, stream, [{ type: 'Counted', data: { n } }]);
  };

  /**
   * A registration whose name holds a NUL, written through the EventStore port as an older
   * version of the app (or an import) could have: the log takes it (the name is sealed), the
   * customer file cannot (`text` holds no NUL).
   */
  async function registerPoisoned(): Promise<string> {
    const model = await log.register(99, { name: 'Model SL', personType: 'legal' });
    const [registered] = await log.store.readStream(customerStream(model));
    const customerId = randomUUID();
    await log.appendWith(log.store, customerStream(customerId), [
      {
        type: registered.type,
        data: { ...(registered.data as object), customerId, name: 'Ab\u0000cd' },
      },
    ]);
    return customerId;
  }

  it('parks a registration with a NUL, projects every other customer, and moves the checkpoints past it', async () => {
    const before = await log.register(1);
    const poisoned = await registerPoisoned();
    await log.run('EditCustomer', { customerId: poisoned, zone: 'Sur' });
    const after = await log.register(2);
    const head = await log.project();

    const files = await log.dataSource.query('SELECT id FROM customer_file');
    const ids = files.map((row: { id: string }) => row.id);
    expect(ids).toEqual(expect.arrayContaining([before, after]));
    expect(ids).not.toContain(poisoned);
    expect(await checkpoints()).toEqual({ 'customer-file': head, 'customer-history': head });

    const fileParked = await parked('customer-file');
    expect(fileParked.map((row) => [row.streamId, row.eventType, row.errorCode])).toEqual([
      [customerStream(poisoned), 'CustomerRegistered', expect.stringMatching(/^22/)],
      [customerStream(poisoned), 'CustomerDetailsEdited', STREAM_BLOCKED],
    ]);
    expect(fileParked[0].errorMessage).toMatch(/0x00|\\u0000|null/i);
    expect(fileParked[1].blockedBy).toBe(fileParked[0].position);
    expect(fileParked[0].attempts).toBe(1);
    // A later event of the blocked stream, in a later batch, waits behind it too.
    await log.run('EditCustomer', { customerId: poisoned, zone: 'Norte' });
    await log.project();
    expect(await parked('customer-file')).toHaveLength(3);
  });

  it('parks the event for the projection that fails only; the others apply it', async () => {
    const failing = new CountingProjection('counting-b', 'test_counts_b');
    failing.failOn = 2;
    const healthy = new CountingProjection('counting', 'test_counts');
    await count('a', 1, 2, 3);
    await count('b', 1, 2, 3);
    const runner = new ProjectionRunner(log.store, log.dataSource, [healthy, failing]);
    await until(async () => (await runner.catchUp()) >= log.lastPosition);

    expect(await counts('test_counts')).toEqual({ a: [1, 2, 3], b: [1, 2, 3] });
    // Each stream stops at its bad event (n = 2), rolled back alone; 3 waits behind it.
    expect(await counts('test_counts_b')).toEqual({ a: [1], b: [1] });
    expect(
      (await parked('counting-b')).map((row) => [row.streamId, row.errorCode, row.errorMessage]),
    ).toEqual([
      ['a', 'RangeError', 'projection bug'],
      ['a', STREAM_BLOCKED, expect.stringContaining('a')],
      ['b', 'RangeError', 'projection bug'],
      ['b', STREAM_BLOCKED, expect.stringContaining('b')],
    ]);
    expect(await parked('counting')).toEqual([]);
  });

  it.each([
    ['a lost connection (57P01)', () => sqlError('57P01', 'terminating connection')],
    ['a reset socket', () => Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a connection the client closed', () => new Error('Connection terminated unexpectedly')],
    ['a deadlock (40P01)', () => sqlError('40P01', 'deadlock detected')],
  ])('never parks on %s: the batch rolls back whole and is retried', async (_, error) => {
    const projection = new CountingProjection('counting', 'test_counts');
    projection.failOn = 2;
    projection.failWith = error;
    await count('a', 1, 2, 3);
    const runner = new ProjectionRunner(log.store, log.dataSource, [projection]);
    await until(async () => ((await log.store.headPosition()) ?? 0n) >= log.lastPosition);
    await expect(runner.catchUp()).rejects.toThrow();
    expect(await counts('test_counts')).toEqual({});
    expect(await parked()).toEqual([]);
    expect(await checkpoints()).toEqual({});
    projection.failOn = undefined;
    await until(async () => (await runner.catchUp()) >= log.lastPosition);
    expect(await counts('test_counts')).toEqual({ a: [1, 2, 3] });
  });

  it.each([
    ['a check violation (23514)', '23514'],
    ['a numeric overflow (22003)', '22003'],
    ['a RAISE (P0001)', 'P0001'],
  ])('parks on %s', async (_, code) => {
    const projection = new CountingProjection('counting', 'test_counts');
    projection.failOn = 2;
    projection.failWith = () => sqlError(code, 'bad data');
    await count('a', 1, 2);
    await count('b', 1);
    const runner = new ProjectionRunner(log.store, log.dataSource, [projection]);
    await until(async () => (await runner.catchUp()) >= log.lastPosition);
    expect(await counts('test_counts')).toEqual({ a: [1], b: [1] });
    expect((await parked()).map((row) => row.errorCode)).toEqual([code]);
  });

  it('replay-parked applies what a fix made applicable, in stream order, and keeps what still fails', async () => {
    const projection = new CountingProjection('counting', 'test_counts');
    projection.failOn = 2;
    await count('a', 1, 2, 3, 4);
    await count('b', 1, 2, 3);
    const runner = new ProjectionRunner(log.store, log.dataSource, [projection]);
    await until(async () => (await runner.catchUp()) >= log.lastPosition);
    expect(await parked()).toHaveLength(5);

    // Still broken: nothing applies, each cause counts one more attempt, its stream stays
    // behind it untried.
    expect(await replayParked(log.store, log.dataSource, [projection])).toEqual([
      { projection: 'counting', applied: 0, failed: 2, stillBlocked: 3 },
    ]);
    expect((await parked()).map((row) => [row.streamId, row.attempts])).toEqual([
      ['a', 2],
      ['a', 1],
      ['a', 1],
      ['b', 2],
      ['b', 1],
    ]);

    projection.failOn = undefined;
    expect(await replayParked(log.store, log.dataSource, [projection])).toEqual([
      { projection: 'counting', applied: 5, failed: 0, stillBlocked: 0 },
    ]);
    expect(await parked()).toEqual([]);
    expect(await counts('test_counts')).toEqual({ a: [1, 2, 3, 4], b: [1, 2, 3] });
    // The streams are open again: later events apply as usual.
    await count('a', 5);
    await until(async () => (await runner.catchUp()) >= log.lastPosition);
    expect(await counts('test_counts')).toEqual({ a: [1, 2, 3, 4, 5], b: [1, 2, 3] });
    expect(await parked()).toEqual([]);
  });

  it('erasing a customer whose registration is parked works, and replay-parked then projects it erased', async () => {
    const poisoned = await registerPoisoned();
    await log.project();
    expect(await parked('customer-file')).toHaveLength(1);
    await log.run('EraseCustomerPersonalData', { customerId: poisoned, blockers: [] });
    await log.project();
    expect((await parked('customer-file')).map((row) => row.errorCode)).toEqual([
      expect.stringMatching(/^22/),
      STREAM_BLOCKED,
    ]);

    const outcomes = await replayParked(log.store, log.dataSource, customerProjections());
    expect(outcomes.find((o) => o.projection === 'customer-file')).toEqual({
      projection: 'customer-file',
      applied: 2,
      failed: 0,
      stillBlocked: 0,
    });
    expect(await parked()).toEqual([]);
    const [file] = await log.dataSource.query('SELECT name FROM customer_file WHERE id = $1', [
      poisoned,
    ]);
    expect(file.name).not.toContain('\u0000');
    expect(file.name).not.toBe('Ab');
  });

  it('a rebuild of the projection (emptied, parked rows forgotten) parks again what still fails', async () => {
    await log.register(1);
    const poisoned = await registerPoisoned();
    await log.project();
    const projection = customerFileProjection();
    await log.dataSource.transaction(async (manager) => {
      await manager.query('TRUNCATE customer_file');
      await manager.query("DELETE FROM projection_checkpoints WHERE name = 'customer-file'");
      await parkedEvents.clear(manager, ['customer-file']);
    });
    await log.project([projection], 5000);
    expect((await parked('customer-file')).map((row) => row.streamId)).toEqual([
      customerStream(poisoned),
    ]);
  });
});

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
