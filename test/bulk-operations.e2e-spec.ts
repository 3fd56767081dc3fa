import {
  BULK_OPERATION_SETTINGS,
  BulkOperationRunner,
  BulkOperationSettings,
  BulkOperationsScheduler,
} from '@app/application';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };

/** Small limits so a handful of customers already makes a background job of several chunks. */
const SETTINGS: BulkOperationSettings = { syncLimit: 3, chunkSize: 2, intervalMs: 0 };

let serial = 0;
const aCustomer = (zone: string) => ({
  personType: 'legal',
  name: `Bulk Cliente ${++serial}`,
  email: `bulk${serial}.${Date.now()}@example.com`,
  zone,
});

describe(`bulk operations over HTTP (rules 14 and 27)`, () => {
  let testApp: TestApp;
  let store: EventStore;
  let position = 0;
  const http = () => request(testApp.app.getHttpServer());
  const readAfterWrites = () => ({ ...operator, 'X-Min-Position': String(position) });

  async function writesNothing(send: () => Promise<unknown>) {
    const before = await countEvents(testApp);
    await send();
    expect(await countEvents(testApp)).toBe(before);
  }

  /** `count` customers in a zone of their own, and that zone. */
  async function customersInNewZone(count: number): Promise<{ zone: string; ids: string[] }> {
    const zone = `zone-${randomUUID().slice(0, 8)}`;
    const ids: string[] = [];
    for (let n = 0; n < count; n++) {
      const res = await http().post('/api/customers').set(operator).send(aCustomer(zone));
      expect(res.status).toBe(201);
      ids.push(res.body.id);
      position = Math.max(position, res.body.position);
    }
    return { zone, ids };
  }

  const sellerOf = async (customerId: string) => {
    const res = await http().get(`/api/customers/${customerId}`).set(readAfterWrites()).expect(200);
    return res.body.seller as string | null;
  };

  beforeAll(async () => {
    testApp = await startTestApp({}, (builder) =>
      builder.overrideProvider(BULK_OPERATION_SETTINGS).useValue(SETTINGS),
    );
    store = testApp.app.get(EVENT_STORE);
  });
  afterAll(() => testApp.close());

  it('a dry run over the list filters answers how many and what would change, writing nothing', async () => {
    const { zone, ids } = await customersInNewZone(2);
    await customersInNewZone(1);
    await writesNothing(async () => {
      const res = await http()
        .post('/api/customers/bulk-update')
        .set(readAfterWrites())
        .send({ filter: { zone }, changes: { seller: 'Eva', billingDay: 1 }, dryRun: true })
        .expect(200);
      expect(res.body).toMatchObject({ dryRun: true, status: 'dry-run', bulkOperationId: null });
      expect(res.body.total).toBe(2);
      expect(res.body.sample.map((c: { customerId: string }) => c.customerId).sort()).toEqual(
        [...ids].sort(),
      );
      for (const customer of res.body.sample)
        // billingDay is 1 already: only the seller would move.
        expect(customer).toEqual({
          customerId: customer.customerId,
          changes: [{ field: 'seller', before: null, after: 'Eva' }],
          refusal: null,
        });
    });
  });

  it('applies over a filter, shows each customer change, and the revert restores all but the customer edited since (a conflict)', async () => {
    const { zone, ids } = await customersInNewZone(3);
    const applied = await http()
      .post('/api/customers/bulk-update')
      .set(readAfterWrites())
      .send({ filter: { zone }, changes: { seller: 'Eva' } })
      .expect(200);
    expect(applied.body).toMatchObject({ status: 'completed', total: 3, updated: 3 });
    const id = applied.body.bulkOperationId as string;
    position = applied.body.position;

    const shown = await http().get(`/api/bulk-operations/${id}`).set(auditor).expect(200);
    expect(shown.body).toMatchObject({
      bulkOperationId: id,
      status: 'completed',
      total: 3,
      done: 3,
      changed: 3,
      filter: { zone },
      changes: { seller: 'Eva' },
      revert: null,
    });
    expect(shown.body.customers).toHaveLength(3);
    for (const customer of shown.body.customers)
      expect(customer).toMatchObject({
        outcome: 'changed',
        changes: [{ field: 'seller', before: null, after: 'Eva' }],
      });

    const [edited, ...untouched] = ids;
    const edit = await http()
      .patch(`/api/customers/${edited}`)
      .set(operator)
      .send({ seller: 'Pablo' })
      .expect(200);
    position = Math.max(position, edit.body.position);

    const reverted = await http()
      .post(`/api/bulk-operations/${id}/revert`)
      .set(operator)
      .expect(200);
    expect(reverted.body.conflicts).toEqual([
      { customerId: edited, field: 'seller', current: 'Pablo', reason: 'changed-since' },
    ]);
    expect(reverted.body.restored.map((r: { customerId: string }) => r.customerId).sort()).toEqual(
      [...untouched].sort(),
    );
    position = reverted.body.position;
    for (const customerId of untouched) {
      expect(await sellerOf(customerId)).toBeNull();
      const events = await store.readStream(`customer-${customerId}`);
      expect(events[events.length - 1].data).toMatchObject({
        bulkOperationId: reverted.body.revertOperationId,
        changes: [{ field: 'seller', before: 'Eva', after: null }],
      });
    }
    expect(await sellerOf(edited)).toBe('Pablo');
    // The history tab shows the compensating edit, with the revert's id.
    const history = await http()
      .get(`/api/customers/${untouched[0]}/history?pageSize=100`)
      .set(readAfterWrites())
      .expect(200);
    expect(
      history.body.items.map((line: { bulkOperationId: string | null }) => line.bulkOperationId),
    ).toEqual(expect.arrayContaining([id, reverted.body.revertOperationId]));

    // Reverting twice does nothing more, and answers the same outcome.
    await writesNothing(async () => {
      const again = await http()
        .post(`/api/bulk-operations/${id}/revert`)
        .set(operator)
        .expect(200);
      expect(again.body).toMatchObject({
        revertOperationId: reverted.body.revertOperationId,
        restored: reverted.body.restored,
        conflicts: reverted.body.conflicts,
        position: null,
      });
    });
    const after = await http().get(`/api/bulk-operations/${id}`).set(auditor).expect(200);
    expect(after.body.revert).toMatchObject({ status: 'reverted', restored: expect.any(Array) });
  });

  it('runs more than the request limit as a background job (running), then done / total, each customer changed once', async () => {
    const { ids } = await customersInNewZone(5);
    const res = await http()
      .post('/api/customers/bulk-update')
      .set(operator)
      .send({ customerIds: ids, changes: { collector: 'Oficina' } })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'running', total: 5, updated: 0 });
    const id = res.body.bulkOperationId as string;
    await testApp.app.get(BulkOperationsScheduler).settled();
    const shown = await http().get(`/api/bulk-operations/${id}`).set(auditor).expect(200);
    expect(shown.body).toMatchObject({ status: 'completed', total: 5, done: 5, changed: 5 });
    const progress = await store.readStream(`bulk-operation-${id}`);
    expect(progress.map((e) => e.type)).toEqual([
      'BulkOperationStarted',
      'BulkOperationProgressed',
      'BulkOperationProgressed',
      'BulkOperationProgressed',
      'BulkOperationCompleted',
    ]);
    for (const customerId of ids) {
      const events = await store.readStream(`customer-${customerId}`);
      const tagged = events.filter(
        (e) => (e.data as { bulkOperationId?: string }).bulkOperationId === id,
      );
      expect(tagged).toHaveLength(1);
    }
    // A second round finds nothing left to do.
    await writesNothing(() => testApp.app.get(BulkOperationsScheduler).runRound());
  });

  it('in the background, a customer a rule refuses is reported and the others proceed', async () => {
    const { ids } = await customersInNewZone(4);
    await http().delete(`/api/customers/${ids[1]}`).set(operator).expect(200);
    const res = await http()
      .post('/api/customers/bulk-update')
      .set(operator)
      .send({ customerIds: ids, changes: { seller: 'Ana' } })
      .expect(200);
    await testApp.app.get(BulkOperationsScheduler).settled();
    const shown = await http()
      .get(`/api/bulk-operations/${res.body.bulkOperationId}`)
      .set(auditor)
      .expect(200);
    expect(shown.body).toMatchObject({ status: 'completed', changed: 3, refused: 1 });
    expect(shown.body.customers[1]).toMatchObject({
      customerId: ids[1],
      outcome: 'refused',
      reasons: [expect.objectContaining({ code: 'CUSTOMER.DELETED' })],
    });
  });

  it('refuses to revert an operation still running (409), writing nothing; it reverts once completed', async () => {
    const { ids } = await customersInNewZone(2);
    const runner = testApp.app.get(BulkOperationRunner);
    const id = randomUUID();
    const context = {
      actor: 'operator:test',
      via: 'operator:test',
      correlationId: id,
      causationId: null,
      at: new Date().toISOString(),
    };
    await runner.start(
      id,
      { customerIds: ids, changes: { seller: 'Lola' }, filter: null },
      context,
    );
    await writesNothing(async () => {
      const res = await http().post(`/api/bulk-operations/${id}/revert`).set(operator).expect(409);
      expect(res.body.message).toMatch(/still running \(0 of 2\)/);
    });
    await testApp.app.get(BulkOperationsScheduler).runRound();
    const reverted = await http()
      .post(`/api/bulk-operations/${id}/revert`)
      .set(operator)
      .expect(200);
    expect(reverted.body.restored).toHaveLength(2);
  });

  it('two workers carrying the same operation at once change each customer once', async () => {
    const { ids } = await customersInNewZone(5);
    const runner = testApp.app.get(BulkOperationRunner);
    const id = randomUUID();
    const context = {
      actor: 'operator:test',
      via: 'operator:test',
      correlationId: id,
      causationId: null,
      at: new Date().toISOString(),
    };
    await runner.start(id, { customerIds: ids, changes: { seller: 'Dos' }, filter: null }, context);
    await Promise.all([runner.advance(id), runner.advance(id)]);
    const shown = await http().get(`/api/bulk-operations/${id}`).set(auditor).expect(200);
    expect(shown.body).toMatchObject({ status: 'completed', total: 5, done: 5, changed: 5 });
    for (const customerId of ids) {
      const events = await store.readStream(`customer-${customerId}`);
      const tagged = events.filter(
        (e) => (e.data as { bulkOperationId?: string }).bulkOperationId === id,
      );
      expect(tagged).toHaveLength(1);
    }
  });

  it('answers 404 for an unknown operation, to reading and to reverting', async () => {
    const unknown = randomUUID();
    await http().get(`/api/bulk-operations/${unknown}`).set(auditor).expect(404);
    await writesNothing(() =>
      http().post(`/api/bulk-operations/${unknown}/revert`).set(operator).expect(404),
    );
    await http().get('/api/bulk-operations/not-an-id').set(auditor).expect(400);
  });

  it('refuses hostile or ambiguous input with 400, writing nothing', async () => {
    const { zone, ids } = await customersInNewZone(1);
    const bodies: unknown[] = [
      { customerIds: ids, filter: { zone }, changes: { seller: 'x' } },
      { changes: { seller: 'x' } },
      { customerIds: ['not-a-uuid'], changes: { seller: 'x' } },
      { customerIds: ids, changes: { iban: 'ES9121000418450200051332' } },
      { filter: { status: 'everything' }, changes: { seller: 'x' } },
      { filter: { zone: { $ne: null } }, changes: { seller: 'x' } },
      { filter: 'zone=north', changes: { seller: 'x' } },
      { customerIds: ids, changes: { seller: 'x' }, dryRun: 'yes' },
      { customerIds: ids, changes: { email: 'all@example.com' } },
    ];
    for (const body of bodies)
      await writesNothing(async () => {
        const res = await http()
          .post('/api/customers/bulk-update')
          .set(operator)
          .send(body as object);
        expect([res.status, body]).toEqual([400, body]);
      });
  });

  it('refuses a filter that matches nobody (422) and an auditor (403), writing nothing', async () => {
    await writesNothing(async () => {
      await http()
        .post('/api/customers/bulk-update')
        .set(operator)
        .send({ filter: { zone: `nowhere-${randomUUID()}` }, changes: { seller: 'x' } })
        .expect(422);
      await http()
        .post('/api/customers/bulk-update')
        .set(auditor)
        .send({ filter: {}, changes: { seller: 'x' } })
        .expect(403);
    });
  });
});
