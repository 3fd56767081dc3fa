import { EVENT_STORE, EventStore } from '@app/event-store';
import request from 'supertest';
import {
  countEvents,
  startTestApp,
  TEST_API_KEYS,
  TEST_DELEGATE_KEY,
  TestApp,
} from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const delegate = { Authorization: `Bearer ${TEST_DELEGATE_KEY}` };
const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };

let serial = 0;
const uniqueEmail = () => `customer${++serial}.${Date.now()}@example.com`;
const aCustomer = (overrides: Record<string, unknown> = {}) => ({
  personType: 'legal',
  name: 'Fibra Norte SL',
  email: uniqueEmail(),
  phone: '+34 910 000 000',
  zone: 'north',
  ...overrides,
});

describe('customer commands over HTTP', () => {
  let testApp: TestApp;
  let store: EventStore;
  const http = () => request(testApp.app.getHttpServer());
  const logSize = () => countEvents(testApp);
  /** Asserts the request wrote nothing, whatever it answered. */
  async function writesNothing(send: () => Promise<unknown>) {
    const before = await logSize();
    await send();
    expect(await logSize()).toBe(before);
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    store = testApp.app.get(EVENT_STORE);
  });
  afterAll(() => testApp.close());

  it('registers a customer and answers id, version and position', async () => {
    const res = await http().post('/api/customers').set(operator).send(aCustomer()).expect(201);
    expect(res.body).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    const events = await store.readStream(`customer-${res.body.id}`);
    expect(events.map((e) => e.type)).toEqual(['CustomerRegistered']);
    expect(events[0].metadata).toMatchObject({
      actor: expect.stringMatching(/^operator:/),
      via: expect.any(String),
    });
  });

  it('records the X-Actor and X-Correlation-Id of the command in the event metadata', async () => {
    const res = await http()
      .post('/api/customers')
      .set({ ...delegate, 'X-Actor': 'ana@isp.example', 'X-Correlation-Id': 'ticket-42' })
      .send(aCustomer())
      .expect(201);
    const [event] = await store.readStream(`customer-${res.body.id}`);
    expect(event.metadata).toMatchObject({
      actor: 'ana@isp.example',
      via: expect.stringMatching(/^operator:[0-9a-f]{8}$/),
      correlationId: 'ticket-42',
    });
  });

  it('refuses X-Actor from a key not allowed to act for others: 403, nothing written', async () => {
    await writesNothing(async () => {
      const res = await http()
        .post('/api/customers')
        .set({ ...operator, 'X-Actor': 'someone-else' })
        .send(aCustomer())
        .expect(403);
      expect(res.body.message).toMatch(/may not act for others/);
    });
  });

  it('refuses a second customer with the same main e-mail, in any case (R2): 409', async () => {
    const email = uniqueEmail();
    await http().post('/api/customers').set(operator).send(aCustomer({ email })).expect(201);
    await writesNothing(async () => {
      const res = await http()
        .post('/api/customers')
        .set(operator)
        .send(aCustomer({ email: email.toUpperCase() }))
        .expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
      expect(res.body.details[0]).toMatchObject({ code: 'R2' });
    });
  });

  it('lets exactly one of 10 concurrent registrations with one e-mail win', async () => {
    const email = uniqueEmail();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        http().post('/api/customers').set(operator).send(aCustomer({ email })),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(9).fill(409)]);
  });

  it('frees the e-mail of a deleted customer for another one', async () => {
    const email = uniqueEmail();
    const first = await http()
      .post('/api/customers')
      .set(operator)
      .send(aCustomer({ email }))
      .expect(201);
    await http().delete(`/api/customers/${first.body.id}`).set(operator).expect(200);
    await http().post('/api/customers').set(operator).send(aCustomer({ email })).expect(201);
  });

  it('refuses a duplicate document (R3): 409, and a bad DNI checksum: 422', async () => {
    const document = { type: 'dni', number: '12345678Z' };
    const first = await http().post('/api/customers').set(operator).send(aCustomer({ document }));
    expect([201, 409]).toContain(first.status);
    await http().post('/api/customers').set(operator).send(aCustomer({ document })).expect(409);
    const bad = await http()
      .post('/api/customers')
      .set(operator)
      .send(aCustomer({ document: { type: 'dni', number: '12345678A' } }))
      .expect(422);
    expect(bad.body.details.map((d: { code: string }) => d.code)).toContain('R3');
  });

  it('refuses a natural person with only three name fields (R1): 422, writing nothing', async () => {
    await writesNothing(async () => {
      const res = await http()
        .post('/api/customers')
        .set(operator)
        .send(
          aCustomer({
            personType: 'natural',
            name: 'Ana García',
            givenName: 'Ana',
            firstSurname: 'García',
          }),
        )
        .expect(422);
      expect(res.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity' });
      expect(res.body.details[0]).toMatchObject({ code: 'R1' });
    });
  });

  it('edits with If-Match, and answers 409 to a stale version', async () => {
    const created = await http().post('/api/customers').set(operator).send(aCustomer()).expect(201);
    const id = created.body.id;
    const edited = await http()
      .patch(`/api/customers/${id}`)
      .set({ ...operator, 'If-Match': '1' })
      .send({ zone: 'south', observations: 'VIP' })
      .expect(200);
    expect(edited.body.version).toBe(2);
    await writesNothing(() =>
      http()
        .patch(`/api/customers/${id}`)
        .set({ ...operator, 'If-Match': '1' })
        .send({ zone: 'east' })
        .expect(409),
    );
  });

  it('answers the first answer to a repeated Idempotency-Key and writes one event', async () => {
    const body = aCustomer();
    const headers = { ...operator, 'Idempotency-Key': `register-${Date.now()}` };
    const first = await http().post('/api/customers').set(headers).send(body).expect(201);
    const size = await logSize();
    const again = await http().post('/api/customers').set(headers).send(body).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await logSize()).toBe(size);
    await http()
      .post('/api/customers')
      .set(headers)
      .send({ ...body, zone: 'other' })
      .expect(422);
  });

  it('changes billing settings, refusing a billing day of 31 (R11) and a bad IBAN (R4)', async () => {
    const { body } = await http()
      .post('/api/customers')
      .set(operator)
      .send(aCustomer())
      .expect(201);
    await http()
      .put(`/api/customers/${body.id}/billing-settings`)
      .set(operator)
      .send({
        billingEnabled: true,
        paymentMethod: 'direct_debit',
        billingDay: 5,
        iban: 'ES91 2100 0418 4502 0005 1332',
      })
      .expect(200);
    const r11 = await http()
      .put(`/api/customers/${body.id}/billing-settings`)
      .set(operator)
      .send({ billingDay: 31 });
    expect(r11.status).toBe(422);
    const r4 = await http()
      .put(`/api/customers/${body.id}/billing-settings`)
      .set(operator)
      .send({ iban: 'ES00 1234' });
    expect(r4.status).toBe(422);
  });

  it('adds and removes addresses and contacts, records interactions, deactivates and reactivates', async () => {
    const { body } = await http()
      .post('/api/customers')
      .set(operator)
      .send(aCustomer())
      .expect(201);
    const base = `/api/customers/${body.id}`;
    const address = await http()
      .post(`${base}/addresses`)
      .set(operator)
      .send({ label: 'Installation', address: { street: 'Calle Mayor 1', city: 'Madrid' } })
      .expect(201);
    await http().delete(`${base}/addresses/${address.body.addressId}`).set(operator).expect(200);
    const contact = await http()
      .post(`${base}/contacts`)
      .set(operator)
      .send({ name: 'Luis', consents: { email: true } })
      .expect(201);
    await http().delete(`${base}/contacts/${contact.body.contactId}`).set(operator).expect(200);
    await http()
      .post(`${base}/interactions`)
      .set(operator)
      .send({ kind: 'call', text: 'Asked about fibre' })
      .expect(201);
    await http().post(`${base}/deactivate`).set(operator).send({ reason: 'moved' }).expect(200);
    await http().post(`${base}/deactivate`).set(operator).send({}).expect(422);
    const reactivated = await http().post(`${base}/reactivate`).set(operator).expect(200);
    expect(reactivated.body.version).toBe(8);
  });

  it('answers 404 for commands on an unknown customer', async () => {
    await http()
      .patch('/api/customers/3f1c1a52-8d7e-4b7a-9a55-1d2f8c7b6e10')
      .set(operator)
      .send({ zone: 'x' })
      .expect(404);
  });

  describe('bulk update (R14)', () => {
    it('gives each customer its own event carrying the bulk operation id', async () => {
      const ids = await Promise.all(
        [1, 2, 3].map(
          async () =>
            (await http().post('/api/customers').set(operator).send(aCustomer()).expect(201)).body
              .id,
        ),
      );
      const res = await http()
        .post('/api/customers/bulk-update')
        .set(operator)
        .send({ customerIds: ids, changes: { zone: 'bulk-zone', billingDay: 10 } })
        .expect(200);
      expect(res.body).toMatchObject({ bulkOperationId: expect.any(String), updated: 3 });
      for (const id of ids) {
        const events = await store.readStream(`customer-${id}`);
        const tagged = events.filter(
          (e) =>
            (e.data as { bulkOperationId?: string }).bulkOperationId === res.body.bulkOperationId,
        );
        expect(tagged.length).toBeGreaterThan(0);
      }
    });

    it('is refused entirely, writing nothing, when any target would break a rule', async () => {
      const id = (await http().post('/api/customers').set(operator).send(aCustomer()).expect(201))
        .body.id;
      const unknown = '3f1c1a52-8d7e-4b7a-9a55-1d2f8c7b6e11';
      await writesNothing(async () => {
        const res = await http()
          .post('/api/customers/bulk-update')
          .set(operator)
          .send({ customerIds: [id, unknown], changes: { zone: 'z' } });
        expect([404, 422]).toContain(res.status);
      });
      await writesNothing(() =>
        http()
          .post('/api/customers/bulk-update')
          .set(operator)
          .send({ customerIds: [id], changes: { billingDay: 30 } })
          .expect(422),
      );
    });
  });

  describe('access and bad input', () => {
    it('answers 401 without a key or with an unknown one, 403 to an auditor sending a command', async () => {
      await writesNothing(async () => {
        await http().post('/api/customers').send(aCustomer()).expect(401);
        await http()
          .post('/api/customers')
          .set({ Authorization: 'Bearer nope-nope-nope' })
          .send(aCustomer())
          .expect(401);
        const res = await http().post('/api/customers').set(auditor).send(aCustomer()).expect(403);
        expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      });
    });

    it('answers 400 (413 when oversized) with nothing appended to malformed JSON, wrong types, unknown fields and oversized bodies', async () => {
      await writesNothing(async () => {
        const malformed = await http()
          .post('/api/customers')
          .set({ ...operator, 'Content-Type': 'application/json' })
          .send('{"name": "Ana",')
          .expect(400);
        expect(malformed.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
        const wrongTypes = await http()
          .post('/api/customers')
          .set(operator)
          .send({ name: 42, email: ['x'], document: 'dni' })
          .expect(400);
        expect(wrongTypes.body.details.map((d: { field: string }) => d.field)).toEqual(
          expect.arrayContaining(['name', 'email', 'document']),
        );
        await http()
          .post('/api/customers')
          .set(operator)
          .send({ ...aCustomer(), isAdmin: true })
          .expect(400);
        await http()
          .post('/api/customers')
          .set(operator)
          .send({ ...aCustomer(), observations: 'x'.repeat(200_000) })
          .expect(413);
        await http()
          .patch('/api/customers/not-a-uuid')
          .set(operator)
          .send({ zone: 'x' })
          .expect(400);
        await http()
          .patch(`/api/customers/3f1c1a52-8d7e-4b7a-9a55-1d2f8c7b6e10`)
          .set({ ...operator, 'If-Match': 'abc' })
          .send({})
          .expect(400);
      });
    });
  });
});
