import { PostgresDatabase } from '@app/database';
import { BULK_OPERATION_SETTINGS, DEFAULT_BULK_OPERATION_SETTINGS } from '@app/application';
import { CustomerRegistered, customerStream, EMPTY_ADDRESS } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestApp, TEST_API_KEYS, TestApp } from '../support/test-app';
import { AppProcess } from './support/app-process';
import { startKillableApi, waitUntil } from './support/killable-api';
import { recordFigure } from './support/reliability-figures';
import { listenPortForChildProcess } from '../support/listen-port';

const databaseUrl = process.env.DATABASE_URL;
const CUSTOMERS = Number(process.env.BULK_CRASH_CUSTOMERS ?? 10_000);
const SEED = 20261203;
/** After how many customers changed the API is killed: seeded, somewhere in the middle. */
const [changedBeforeKill] = fc.sample(
  fc.integer({ min: Math.floor(CUSTOMERS / 5), max: Math.floor((CUSTOMERS * 3) / 5) }),
  { seed: SEED, numRuns: 1 },
);
const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };

if (!databaseUrl)
  console.warn(
    'bulk operation crash suite skipped: it needs PostgreSQL (set DATABASE_URL); PGlite is one process',
  );
const describeOnPostgres = databaseUrl ? describe : describe.skip;

/*
 * Rules 14 and 27's job under SIGKILL: a bulk update over a search of 10,000 customers runs as
 * a background job in a real API process, killed mid-way (customers written, a chunk of
 * progress not yet recorded). Started again, the API finds the unfinished operation in the log
 * and finishes it: every customer changed exactly once, the operation completed with done =
 * total.
 */
describeOnPostgres('the API killed with SIGKILL in the middle of a bulk operation', () => {
  let testApp: TestApp;
  let database: PostgresDatabase;
  let api: AppProcess | undefined;
  let port = 0;
  const zone = `crash-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    port = await listenPortForChildProcess();
    // The in-process app seeds the customers and keeps the read models (the list the filter
    // searches) up to date; it runs no bulk job of its own. The job runs in a real API
    // process (no projections of its own) that can be killed.
    testApp = await startTestApp({}, (builder) =>
      builder
        .overrideProvider(BULK_OPERATION_SETTINGS)
        .useValue({ ...DEFAULT_BULK_OPERATION_SETTINGS, intervalMs: 0 }),
    );
    database = await PostgresDatabase.open({
      connectionString: databaseUrl!,
      schema: testApp.config.DATABASE_SCHEMA,
    });
  }, 60_000);
  afterAll(async () => {
    await api?.kill();
    await database?.close();
    await testApp?.close();
  });

  async function startApi(): Promise<AppProcess> {
    api = await startKillableApi(testApp, port);
    return api;
  }

  const until = (what: string, condition: () => Promise<boolean>, timeoutMs = 300_000) =>
    waitUntil(what, condition, { timeoutMs, pollMs: 20, context: () => api?.lastOutput ?? '' });

  /** Events of the operation on customers' streams, per customer. */
  const changedPerCustomer = async (bulkOperationId: string) =>
    (
      await database.query<{ stream: string; n: string }>(
        `SELECT stream_id AS stream, count(*) AS n FROM es_events
         WHERE data->>'bulkOperationId' = $1 AND stream_id LIKE 'customer-%' GROUP BY stream_id`,
        [bulkOperationId],
      )
    ).rows;

  const completed = async (bulkOperationId: string) =>
    Number(
      (
        await database.query<{ n: string }>(
          `SELECT count(*) AS n FROM es_events
           WHERE event_type = 'BulkOperationCompleted' AND data->>'bulkOperationId' = $1`,
          [bulkOperationId],
        )
      ).rows[0].n,
    ) > 0;

  async function seedCustomers(): Promise<string[]> {
    const store = testApp.app.get<EventStore>(EVENT_STORE);
    const ids = Array.from({ length: CUSTOMERS }, () => randomUUID());
    for (let from = 0; from < ids.length; from += 500) {
      await store.appendMany(
        ids.slice(from, from + 500).map((customerId, n) => {
          const event: CustomerRegistered = {
            type: 'CustomerRegistered',
            data: {
              customerId,
              registeredAt: new Date().toISOString(),
              personType: 'legal',
              name: `Cliente ${from + n}`,
              givenName: null,
              middleName: null,
              firstSurname: null,
              secondSurname: null,
              email: null,
              code: null,
              document: null,
              phone: null,
              mobile: null,
              address: EMPTY_ADDRESS,
              zone,
              seller: null,
              collector: null,
              observations: null,
            },
          };
          return {
            stream: customerStream(customerId),
            events: [{ ...event, metadata: { actor: 'rel-spec' } }],
            expectedRevision: 'no_stream' as const,
          };
        }),
      );
    }
    return ids;
  }

  it('finishes after a restart, each customer changed exactly once', async () => {
    const ids = await seedCustomers();
    const position = String(await testApp.app.get<EventStore>(EVENT_STORE).headPosition());
    const http = () => request(testApp.app.getHttpServer());
    // The projections take their time over 10,000 registrations on a loaded machine: longer
    // than one X-Min-Position wait (5 s), so the list is asked again until it shows them all.
    let listedTotal = -1;
    await waitUntil(
      'the customer list to show every seeded customer',
      async () => {
        const listed = await http()
          .get(`/api/customers?zone=${zone}&pageSize=1`)
          .set({ ...operator, 'X-Min-Position': position });
        if (listed.status === 200) listedTotal = listed.body.total as number;
        return listed.status === 200;
      },
      { timeoutMs: 180_000, pollMs: 200 },
    );
    expect(listedTotal).toBe(CUSTOMERS);

    await startApi();
    const answer = await request(`http://127.0.0.1:${port}`)
      .post('/api/customers/bulk-update')
      .set(operator)
      .send({ filter: { zone }, changes: { seller: 'Equipo Norte', billingDay: 15 } })
      .expect(200);
    expect(answer.body).toMatchObject({ status: 'running', total: CUSTOMERS });
    const bulkOperationId = answer.body.bulkOperationId as string;

    await until(`${changedBeforeKill} customers changed`, async () => {
      const rows = await changedPerCustomer(bulkOperationId);
      return rows.length >= changedBeforeKill;
    });
    await api!.kill();
    const changedAtKill = (await changedPerCustomer(bulkOperationId)).length;
    expect(changedAtKill).toBeLessThan(CUSTOMERS);
    expect(await completed(bulkOperationId)).toBe(false);

    await startApi();
    await until('the operation to complete', () => completed(bulkOperationId), 600_000);
    const progress = await request(`http://127.0.0.1:${port}`)
      .get(`/api/bulk-operations/${bulkOperationId}?pageSize=1`)
      .set(operator)
      .expect(200);
    await api!.stop();

    expect(progress.body).toMatchObject({
      status: 'completed',
      total: CUSTOMERS,
      done: CUSTOMERS,
      changed: CUSTOMERS,
      refused: 0,
    });
    // The log is the truth: every customer has exactly the events of one change, no more.
    const rows = await changedPerCustomer(bulkOperationId);
    expect(rows.map((row) => row.stream).sort()).toEqual(ids.map(customerStream).sort());
    // Seller (CustomerDetailsEdited) and billing day (CustomerBillingSettingsChanged): two each.
    expect(rows.filter((row) => Number(row.n) !== 2)).toEqual([]);

    recordFigure('bulk-operation-crash', {
      guarantee:
        'API killed mid-bulk-operation: the restarted API finishes it, each customer changed exactly once',
      test: 'test/reliability/bulk-operation-crash.rel-spec.ts',
      figure: `SIGKILL after ${changedAtKill} of ${CUSTOMERS} customers changed; after restart ${CUSTOMERS} changed, each exactly once, done = total`,
      storage: 'PostgreSQL',
    });
  }, 1_200_000);
});
