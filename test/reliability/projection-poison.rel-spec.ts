import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { customerStream } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { parkedEvents, replayParked, allReadModelProjections } from '@app/read-models';
import { DataSource } from 'typeorm';
import { READ_MODELS } from '@app/application';
import { recordFigure, storageInUse } from './support/reliability-figures';
import { startTestApp, TEST_API_KEYS, TestApp } from '../support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const REGISTRATIONS = Number(process.env.POISON_REGISTRATIONS ?? 200);
const WRITERS = 8;
/** Names no text column takes (a NUL) or no JSON one does (a lone surrogate). */
const POISONS = ['Ab\u0000cd', 'Ab\ud800cd', '\u0000', 'Zeta\u0000'];

describe('projection poison: events no read model can hold, among live registrations', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());
  beforeAll(async () => {
    testApp = await startTestApp();
  }, 60_000);
  afterAll(() => testApp.close());

  it(`${REGISTRATIONS} registrations by ${WRITERS} writers with ${POISONS.length} poisoned ones appended through the port: every other customer reads its write`, async () => {
    const store = testApp.app.get<EventStore>(EVENT_STORE);
    const model = await http()
      .post('/api/customers')
      .set(operator)
      .send({ personType: 'legal', name: 'Modelo SL' })
      .expect(201);
    const [registered] = await store.readStream(customerStream(model.body.id));
    const poisoned: string[] = [];
    const appendPoison = async (name: string) => {
      const customerId = randomUUID();
      await store.append(customerStream(customerId), [
        { type: registered.type, data: { ...(registered.data as object), customerId, name } },
      ]);
      poisoned.push(customerId);
    };

    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    let next = 0;
    let slowest = 0;
    const writer = async () => {
      for (let n = next++; n < REGISTRATIONS; n = next++) {
        if (n % Math.ceil(REGISTRATIONS / POISONS.length) === 0)
          await appendPoison(POISONS[poisoned.length % POISONS.length]);
        const created = await http()
          .post('/api/customers')
          .set(operator)
          .send({ personType: 'legal', name: `Cliente ${n} SL` });
        count(created.status);
        if (created.status !== 201) continue;
        const startedAt = Date.now();
        const read = await http()
          .get(`/api/customers/${created.body.id}`)
          .set({ ...operator, 'X-Min-Position': String(created.body.position) });
        slowest = Math.max(slowest, Date.now() - startedAt);
        count(read.status);
        expect(read.status).toBe(200);
        expect(read.body.name).toBe(`Cliente ${n} SL`);
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, writer));

    expect(statuses.get(201)).toBe(REGISTRATIONS);
    expect(statuses.get(503)).toBeUndefined();
    const readModels = testApp.app.get<DataSource>(READ_MODELS);
    const parked = await parkedEvents.list(readModels.manager, { projection: 'customer-file' });
    const parkedStreams = new Set(parked.map((row) => row.streamId));
    // Every poisoned customer the file could not hold is parked; none of the others is.
    const files = await readModels.query(
      'SELECT id FROM customer_file WHERE id = ANY($1::uuid[])',
      [poisoned],
    );
    expect(files.length + parkedStreams.size).toBe(poisoned.length);
    for (const stream of parkedStreams)
      expect(poisoned.map((id) => customerStream(id))).toContain(stream);
    const health = await http().get('/api/health').expect(200);
    expect(health.body.status).toBe(parked.length > 0 ? 'degraded' : 'ok');

    // Erasing them is the fix: their names now read as erased, and replay-parked applies them.
    for (const customerId of poisoned)
      await http()
        .post(`/api/customers/${customerId}/erase-personal-data`)
        .set(operator)
        .expect(200);
    const last = await http()
      .post('/api/customers')
      .set(operator)
      .send({ personType: 'legal', name: 'Último SL' })
      .expect(201);
    await http()
      .get(`/api/customers/${last.body.id}`)
      .set({ ...operator, 'X-Min-Position': String(last.body.position) })
      .expect(200);
    const outcomes = await replayParked(store, readModels, allReadModelProjections());
    const stillParked = outcomes.reduce((sum, o) => sum + o.failed + o.stillBlocked, 0);
    const applied = outcomes.reduce((sum, o) => sum + o.applied, 0);
    expect(stillParked).toBe(0);
    expect((await http().get('/api/health').expect(200)).body.status).toBe('ok');

    recordFigure('projection-poison', {
      guarantee:
        'An event a projection cannot apply (a NUL, a lone surrogate) is parked; every other customer reads its write, /health says degraded, replay-parked applies it after the fix',
      test: 'test/reliability/projection-poison.rel-spec.ts',
      figure: `${REGISTRATIONS} registrations by ${WRITERS} writers with ${poisoned.length} poisoned customers appended through the port: ${REGISTRATIONS} × 201, ${statuses.get(200) ?? 0} reads with X-Min-Position × 200, 0 × 503 (slowest ${slowest} ms); ${parked.length} event(s) parked for the customer file; after erasing them, replay-parked applied ${applied}, 0 left`,
      storage: storageInUse(),
    });
  });
});
