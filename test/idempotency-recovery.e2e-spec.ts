import { currentBootId, SqlDatabase } from '@app/database';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import request from 'supertest';
import { SQL_DATABASE } from '@app/application';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };

/**
 * A process SIGKILLed mid-request leaves its Idempotency-Key pending. Here the crash is
 * staged in the database (the real SIGKILL is test/reliability/idempotency-crash.rel-spec.ts):
 * the key is put back to pending under an owner whose pid has exited, as the dead process
 * would have left it, with or without the events its request wrote.
 */
describe('an Idempotency-Key left pending by a process that died', () => {
  let testApp: TestApp;
  let database: SqlDatabase;
  let store: EventStore;
  let n = 0;
  const http = () => request(testApp.app.getHttpServer());
  const aCustomer = () => ({ personType: 'legal', name: `Recuperada ${++n} SL`, zone: 'north' });

  beforeAll(async () => {
    testApp = await startTestApp();
    database = testApp.app.get<SqlDatabase>(SQL_DATABASE);
    store = testApp.app.get<EventStore>(EVENT_STORE);
  }, 60_000);
  afterAll(() => testApp?.close());

  const head = async () =>
    Number(
      (await database.query<{ head: string | null }>('SELECT max(position) AS head FROM es_events'))
        .rows[0].head ?? 0,
    );
  const deadOwner = () =>
    JSON.stringify({
      instance: 'the-process-that-died',
      pid: spawnSync(process.execPath, ['-e', '0']).pid,
      hostname: hostname(),
      bootId: currentBootId(),
    });
  /** The key as its process left it when killed after the append, before answering. */
  const killedAfterAppend = (key: string, logHead: number) =>
    database.query(
      `UPDATE idempotency_keys SET status = 'pending', response_status = NULL,
         response_body = NULL, owner = $2, log_head = $3 WHERE key = $1`,
      [key, deadOwner(), logHead],
    );

  it('answers the retry of an applied registration with its answer, rebuilt from the log', async () => {
    const key = `register-${Date.now()}`;
    const body = aCustomer();
    const before = await head();
    const first = await http()
      .post('/api/customers')
      .set({ ...operator, 'Idempotency-Key': key })
      .send(body)
      .expect(201);
    await killedAfterAppend(key, before);
    const size = await countEvents(testApp);

    const retry = await http()
      .post('/api/customers')
      .set({ ...operator, 'Idempotency-Key': key })
      .send(body)
      .expect(201);

    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await countEvents(testApp)).toBe(size);
    // The rebuilt answer is now the key's answer.
    const again = await http()
      .post('/api/customers')
      .set({ ...operator, 'Idempotency-Key': key })
      .send(body)
      .expect(201);
    expect(again.body).toEqual(first.body);
  });

  it('tells the client a request it cannot answer again was applied (409 IDEMPOTENT_REQUEST_APPLIED)', async () => {
    const { body: customer } = await http()
      .post('/api/customers')
      .set(operator)
      .send(aCustomer())
      .expect(201);
    const key = `deactivate-${Date.now()}`;
    const before = await head();
    await http()
      .post(`/api/customers/${customer.id}/deactivate`)
      .set({ ...operator, 'Idempotency-Key': key })
      .send({ reason: 'moved away' })
      .expect(200);
    await killedAfterAppend(key, before);

    for (let attempt = 0; attempt < 2; attempt++) {
      const retry = await http()
        .post(`/api/customers/${customer.id}/deactivate`)
        .set({ ...operator, 'Idempotency-Key': key })
        .send({ reason: 'moved away' })
        .expect(409);
      expect(retry.body).toMatchObject({
        statusCode: 409,
        message: expect.stringMatching(/was applied/),
        details: [
          { code: 'IDEMPOTENT_REQUEST_APPLIED', correlationId: expect.any(String), events: 1 },
        ],
      });
    }
    const events = await store.readStream(`customer-${customer.id}`);
    expect(events.map((event) => event.type)).toEqual([
      'CustomerRegistered',
      'CustomerDeactivated',
    ]);
  });

  it('runs again a request whose process died before it wrote anything', async () => {
    const body = aCustomer();
    const done = `done-${Date.now()}`;
    await http()
      .post('/api/customers')
      .set({ ...operator, 'Idempotency-Key': done })
      .send(body)
      .expect(201);
    // Another key for the same request, claimed by a process that died before its append.
    const lost = `lost-${Date.now()}`;
    await database.query(
      `INSERT INTO idempotency_keys
         (scope, key, request_hash, status, created_at, owner, correlation_id, log_head)
       SELECT scope, $2, request_hash, 'pending', now(), $3, 'lost-request', $4
       FROM idempotency_keys WHERE key = $1`,
      [done, lost, deadOwner(), await head()],
    );
    const size = await countEvents(testApp);

    const retry = await http()
      .post('/api/customers')
      .set({ ...operator, 'Idempotency-Key': lost })
      .send(body)
      .expect(201);

    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await countEvents(testApp)).toBe(size + 1);
    const [registered] = await store.readStream(`customer-${retry.body.id}`);
    expect(registered.metadata).toMatchObject({ idempotencyKey: lost });
  });

  it('gives every event of one request the one correlation id its key records', async () => {
    const key = `correlated-${Date.now()}`;
    const { body } = await http()
      .post('/api/customers')
      .set({ ...operator, 'Idempotency-Key': key })
      .send(aCustomer())
      .expect(201);
    const { rows } = await database.query<{ correlation_id: string }>(
      'SELECT correlation_id FROM idempotency_keys WHERE key = $1',
      [key],
    );
    const events = await store.readStream(`customer-${body.id}`);
    expect(events.map((event) => event.metadata.correlationId)).toEqual(
      events.map(() => rows[0].correlation_id),
    );
  });
});
