import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { SqlDatabase } from '@app/database';
import { SQL_DATABASE } from '@app/application';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };

/** What an interest says of the customer's people: unreadable once the customer is erased. */
const SECRETS = {
  contactName: 'Rosendo Olvidable',
  notes: 'Rosendo llama desde el 611999888',
};

describe('interests over HTTP (seed 003)', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());
  let last = 0;
  const track = (res: request.Response) => {
    if (typeof res.body?.position === 'number') last = Math.max(last, res.body.position);
    return res;
  };
  const read = () => ({ ...auditor, 'X-Min-Position': String(last) });
  const record = async (customerId: string, body: object, headers = operator) =>
    track(await http().post(`/api/customers/${customerId}/interests`).set(headers).send(body));
  const edit = async (customerId: string, interestId: string, body: object, headers = operator) =>
    track(
      await http()
        .patch(`/api/customers/${customerId}/interests/${interestId}`)
        .set(headers)
        .send(body),
    );
  const list = (customerId: string, query: object = {}) =>
    http().get(`/api/customers/${customerId}/interests`).query(query).set(read());
  async function writesNothing(send: () => Promise<unknown>) {
    const before = await countEvents(testApp);
    await send();
    expect(await countEvents(testApp)).toBe(before);
  }
  const customer = async (name: string) => {
    const res = track(await http().post('/api/customers').set(operator).send({ name }).expect(201));
    return res.body.id as string;
  };
  const contact = async (customerId: string, name: string) => {
    const res = track(
      await http()
        .post(`/api/customers/${customerId}/contacts`)
        .set(operator)
        .send({ name })
        .expect(201),
    );
    return res.body.contactId as string;
  };

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('records interests (text, tariff, contact or free name), edits and removes them; the tab pages them and the history shows each', async () => {
    const customerId = await customer('Intereses Felices SL');
    const marta = await contact(customerId, 'Marta Ruiz');
    const tariff = track(
      await http()
        .post('/api/catalogs/tariffs')
        .set(operator)
        .send({
          name: `Fibra 600 ${randomUUID().slice(0, 8)}`,
          monthlyPriceCents: 3000,
          vatRatePercent: 21,
          billingMode: 'advance',
        })
        .expect(201),
    ).body;

    const first = await record(customerId, {
      product: 'Fibra 1 Gb + TV',
      contactId: marta,
      shownOn: '2026-02-20',
      notes: 'Before summer',
    });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: customerId,
      interestId: expect.any(String),
      version: expect.any(Number),
      position: expect.any(Number),
    });
    const second = await record(customerId, {
      tariffId: tariff.id,
      contactName: 'The neighbour',
      shownOn: '2026-03-01',
    });
    expect(second.status).toBe(201);
    const third = await record(customerId, { product: 'Centralita' });
    expect(third.status).toBe(201);

    const tab = await list(customerId).expect(200);
    expect(tab.body.total).toBe(3);
    expect(tab.body.items[0]).toMatchObject({
      id: expect.any(String),
      product: 'Centralita',
      contactName: null,
    });
    expect(tab.body.items[1]).toMatchObject({
      id: second.body.interestId,
      product: expect.stringContaining('Fibra 600'),
      tariffId: tariff.id,
      contactId: null,
      contactName: 'The neighbour',
      shownOn: '2026-03-01',
    });
    expect(tab.body.items[2]).toMatchObject({
      id: first.body.interestId,
      contactId: marta,
      contactName: 'Marta Ruiz',
      notes: 'Before summer',
    });
    const page2 = await list(customerId, { page: 2, pageSize: 2 }).expect(200);
    expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.body.items.map((i: { id: string }) => i.id)).toEqual([first.body.interestId]);

    const edited = await edit(customerId, first.body.interestId, {
      notes: 'Call in June',
      shownOn: '2026-02-21',
    });
    expect(edited.status).toBe(200);
    const removed = track(
      await http()
        .delete(`/api/customers/${customerId}/interests/${third.body.interestId}`)
        .set(operator),
    );
    expect(removed.status).toBe(200);

    const after = await list(customerId).expect(200);
    expect(after.body.total).toBe(2);
    expect(after.body.items[1]).toMatchObject({ notes: 'Call in June', shownOn: '2026-02-21' });

    const history = await http()
      .get(`/api/customers/${customerId}/history`)
      .query({ pageSize: 100 })
      .set(read())
      .expect(200);
    const summaries = history.body.items.map((line: { summary: string }) => line.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        'Interest recorded: Fibra 1 Gb + TV',
        'Interest recorded: Centralita',
        'Interest edited',
        'Interest removed',
      ]),
    );
    const editLine = history.body.items.find(
      (line: { summary: string }) => line.summary === 'Interest edited',
    );
    expect(editLine.changes).toEqual([
      {
        field: 'interests',
        before: {
          interestId: first.body.interestId,
          shownOn: '2026-02-20',
          notes: 'Before summer',
        },
        after: { interestId: first.body.interestId, shownOn: '2026-02-21', notes: 'Call in June' },
      },
    ]);
  });

  it('answers 404 for an unknown customer or interest, writing nothing', async () => {
    const customerId = await customer('Nadie Interesado SL');
    await writesNothing(async () => {
      expect((await record(randomUUID(), { product: 'Fibra' })).status).toBe(404);
      expect((await edit(customerId, randomUUID(), { notes: 'x' })).status).toBe(404);
      const removed = await http()
        .delete(`/api/customers/${customerId}/interests/${randomUUID()}`)
        .set(operator);
      expect(removed.status).toBe(404);
      expect(removed.body.details[0]).toMatchObject({ code: 'CUSTOMER.INTEREST_NOT_FOUND' });
    });
    await list(randomUUID()).expect(404);
  });

  it('refuses with 422 an unknown contact or tariff, a missing product; 409 on a stale If-Match; all writing nothing', async () => {
    const customerId = await customer('Rechazos SL');
    const interestId = (await record(customerId, { product: 'Fibra' })).body.interestId;
    await writesNothing(async () => {
      const unknownContact = await record(customerId, {
        product: 'Fibra',
        contactId: randomUUID(),
      });
      expect(unknownContact.status).toBe(422);
      expect(unknownContact.body.details[0]).toMatchObject({
        code: 'CUSTOMER.INTEREST_CONTACT_UNKNOWN',
        field: 'contactId',
      });
      const unknownTariff = await record(customerId, { tariffId: randomUUID() });
      expect(unknownTariff.status).toBe(422);
      expect(unknownTariff.body.details[0]).toMatchObject({ code: 'R28.UNKNOWN' });
      const future = await record(customerId, { product: 'Fibra', shownOn: '2099-01-01' });
      expect(future.status).toBe(422);
      expect(future.body.details[0]).toMatchObject({ field: 'shownOn' });
      const noProduct = await record(customerId, { notes: 'Something' });
      expect(noProduct.status).toBe(422);
      expect(noProduct.body.details[0]).toMatchObject({ field: 'product' });
      const stale = await edit(customerId, interestId, { notes: 'x' }, {
        ...operator,
        'If-Match': '1',
      } as typeof operator);
      expect(stale.status).toBe(409);
    });
  });

  it('refuses hostile input with 400, writing nothing: NUL, impossible dates, huge text, both forms, bad ids', async () => {
    const customerId = await customer('Hostil Interesado SL');
    const interestId = (await record(customerId, { product: 'Fibra' })).body.interestId;
    const hostile: [string, object][] = [
      ['product', { product: 'bad\u0000product' }],
      ['product', { product: 'x'.repeat(201) }],
      ['notes', { product: 'Fibra', notes: 'x'.repeat(5001) }],
      ['shownOn', { product: 'Fibra', shownOn: '2026-02-30' }],
      ['shownOn', { product: 'Fibra', shownOn: '02/03/2026' }],
      ['tariffId', { tariffId: 'not-a-uuid' }],
      ['product', { product: 'Fibra', tariffId: randomUUID() }],
      ['contactName', { product: 'Fibra', contactId: randomUUID(), contactName: 'Luis' }],
      ['contactId', { product: 'Fibra', contactId: 42 }],
      ['unknownField', { product: 'Fibra', unknownField: 1 }],
    ];
    await writesNothing(async () => {
      for (const [field, body] of hostile) {
        const res = await record(customerId, body);
        expect(res.status).toBe(400);
        expect(JSON.stringify(res.body)).toContain(field);
      }
      expect((await edit(customerId, interestId, { notes: 'a\u0000b' })).status).toBe(400);
      expect((await edit(customerId, 'not-a-uuid', { notes: 'x' })).status).toBe(400);
      expect((await record('not-a-uuid', { product: 'Fibra' })).status).toBe(400);
    });
  });

  it("shows no contact name or notes once the customer's personal data is erased: log, tab and history", async () => {
    const customerId = await customer('Rosendo Olvidable');
    const interestId = (
      await record(customerId, {
        product: 'Fibra 1 Gb',
        contactName: SECRETS.contactName,
        notes: SECRETS.notes,
      })
    ).body.interestId;
    await edit(customerId, interestId, { notes: `${SECRETS.notes} (2)` });
    const database = testApp.app.get<SqlDatabase>(SQL_DATABASE);
    const raw = async () =>
      JSON.stringify(
        (
          await database.query('SELECT data FROM es_events WHERE stream_id = $1', [
            `customer-${customerId}`,
          ])
        ).rows,
      );
    for (const secret of Object.values(SECRETS)) expect(await raw()).not.toContain(secret);
    expect((await list(customerId).expect(200)).body.items[0]).toMatchObject({
      contactName: SECRETS.contactName,
    });

    track(
      await http()
        .post(`/api/customers/${customerId}/erase-personal-data`)
        .set(operator)
        .expect(200),
    );
    const shown = [
      await list(customerId).expect(200),
      await http()
        .get(`/api/customers/${customerId}/history`)
        .query({ pageSize: 100 })
        .set(read())
        .expect(200),
      await http()
        .get('/api/audit/events')
        .query({ stream: `customer-${customerId}` })
        .set(auditor)
        .expect(200),
    ];
    const text = JSON.stringify(shown.map((res) => res.body));
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect(shown[0].body.items).toEqual([
      expect.objectContaining({
        id: interestId,
        product: 'Fibra 1 Gb',
        contactName: null,
        notes: null,
      }),
    ]);
    await writesNothing(async () => {
      const refused = await record(customerId, { product: 'Fibra' });
      expect(refused.status).toBe(422);
      expect(refused.body.details[0]).toMatchObject({ code: 'CUSTOMER.ERASED' });
    });
  });
});
