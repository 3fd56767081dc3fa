import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };

/** Far in the past, so no other suite's renewables (or the clock) are due before these. */
const EPOCH_YEAR = 1990 + Math.floor(Math.random() * 5);
const day = (offsetYears: number, monthDay: string) => `${EPOCH_YEAR + offsetYears}-${monthDay}`;

describe('renewables over HTTP (seed 003)', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());
  let last = 0;
  const track = (res: request.Response) => {
    if (typeof res.body?.position === 'number') last = Math.max(last, res.body.position);
    return res;
  };
  const read = () => ({ ...auditor, 'X-Min-Position': String(last) });
  const aRenewable = (overrides: Record<string, unknown> = {}) => ({
    productCode: 'DOM-ES',
    description: 'Domain fibranorte.es',
    purchasedOn: day(0, '01-31'),
    period: { every: 1, unit: 'month' },
    ...overrides,
  });
  const register = async (customerId: string, body: object = aRenewable(), headers = operator) =>
    track(await http().post(`/api/customers/${customerId}/renewables`).set(headers).send(body));
  const step = async (id: string, action: string, body?: object, headers: object = operator) =>
    track(
      await http()
        .post(`/api/renewables/${id}/${action}`)
        .set(headers as typeof operator)
        .send(body),
    );
  const due = (dueBefore: string, query: object = {}) =>
    http()
      .get('/api/renewals')
      .query({ 'due-before': dueBefore, pageSize: 100, ...query })
      .set(read());
  const tab = (customerId: string, query: object = {}) =>
    http().get(`/api/customers/${customerId}/renewables`).query(query).set(read());
  async function writesNothing(send: () => Promise<unknown>) {
    const before = await countEvents(testApp);
    await send();
    expect(await countEvents(testApp)).toBe(before);
  }
  const customer = async (name: string) => {
    const res = track(await http().post('/api/customers').set(operator).send({ name }).expect(201));
    return res.body.id as string;
  };

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('registers a renewable, computes its next renewal with month-end clamps, renews period by period and lapses it; each step is a history line', async () => {
    const customerId = await customer('Renovables Felices SL');
    const registered = await register(customerId);
    expect(registered.status).toBe(201);
    expect(registered.body).toEqual({
      id: expect.any(String),
      version: 1,
      position: expect.any(Number),
    });
    const id = registered.body.id;
    const leap = (EPOCH_YEAR + 0) % 4 === 0;
    expect((await tab(customerId).expect(200)).body.items).toEqual([
      expect.objectContaining({
        id,
        customerId,
        productCode: 'DOM-ES',
        purchasedOn: day(0, '01-31'),
        period: { every: 1, unit: 'month' },
        nextRenewalOn: day(0, leap ? '02-29' : '02-28'),
        periodsRenewed: 0,
        lastRenewedOn: null,
        status: 'active',
      }),
    ]);

    const renewed = await step(id, 'renew', { renewedOn: day(0, '02-25') });
    expect(renewed.status).toBe(200);
    expect(renewed.body).toEqual({ id, version: 2, position: expect.any(Number) });
    expect((await tab(customerId).expect(200)).body.items[0]).toMatchObject({
      nextRenewalOn: day(0, '03-31'),
      periodsRenewed: 1,
      lastRenewedOn: day(0, '02-25'),
      status: 'renewed',
    });
    expect((await step(id, 'renew', {})).status).toBe(200);
    expect((await tab(customerId).expect(200)).body.items[0]).toMatchObject({
      nextRenewalOn: day(0, '04-30'),
      periodsRenewed: 2,
    });

    expect((await step(id, 'lapse')).status).toBe(200);
    const lapsed = (await tab(customerId, { status: 'lapsed' }).expect(200)).body;
    expect(lapsed).toMatchObject({ total: 1, items: [{ id, status: 'lapsed' }] });
    expect((await tab(customerId, { status: 'active' }).expect(200)).body.total).toBe(0);

    const history = await http()
      .get(`/api/customers/${customerId}/history`)
      .query({ pageSize: 100 })
      .set(read())
      .expect(200);
    const summaries = history.body.items.map((line: { summary: string }) => line.summary);
    expect(summaries.slice(0, 4)).toEqual([
      expect.stringMatching(/^Renewable lapsed on /),
      expect.stringMatching(
        new RegExp(`^Renewable renewed on .*; next renewal ${day(0, '04-30')}$`),
      ),
      `Renewable renewed on ${day(0, '02-25')}; next renewal ${day(0, '03-31')}`,
      'Renewable registered: DOM-ES, every 1 month',
    ]);
  });

  it("lists the renewals due across customers, oldest first, with each customer's name, paged; renewed and lapsed ones move off", async () => {
    const ana = await customer('Ana Renovable');
    const bea = await customer('Bea Renovable SL');
    const anaDomain = (
      await register(
        ana,
        aRenewable({ purchasedOn: day(1, '03-10'), period: { every: 1, unit: 'year' } }),
      )
    ).body.id;
    const beaLicence = (
      await register(
        bea,
        aRenewable({
          productCode: 'LIC-AV',
          purchasedOn: day(1, '01-15'),
          period: { every: 6, unit: 'month' },
        }),
      )
    ).body.id;
    const beaLater = (
      await register(
        bea,
        aRenewable({
          productCode: 'CERT',
          purchasedOn: day(3, '06-01'),
          period: { every: 1, unit: 'year' },
        }),
      )
    ).body.id;
    const gone = await customer('Borrada Renovable SL');
    const goneDomain = (await register(gone, aRenewable({ purchasedOn: day(1, '02-01') }))).body.id;
    track(await http().delete(`/api/customers/${gone}`).set(operator).expect(200));
    const inTheWindow = (body: { items: { id: string }[] }) =>
      body.items.filter((item) => [anaDomain, beaLicence, beaLater, goneDomain].includes(item.id));

    const list = (await due(day(2, '03-10')).expect(200)).body;
    expect(inTheWindow(list)).toEqual([
      expect.objectContaining({
        id: beaLicence,
        customerId: bea,
        customerName: 'Bea Renovable SL',
        nextRenewalOn: day(1, '07-15'),
      }),
      expect.objectContaining({
        id: anaDomain,
        customerId: ana,
        customerName: 'Ana Renovable',
        nextRenewalOn: day(2, '03-10'),
      }),
    ]);
    // Oldest first across the whole list, each due on or before the day asked.
    const dates = list.items.map((item: { nextRenewalOn: string }) => item.nextRenewalOn);
    expect([...dates].sort()).toEqual(dates);
    expect(dates.every((date: string) => date <= day(2, '03-10'))).toBe(true);
    expect(inTheWindow((await due(day(2, '03-09')).expect(200)).body).map((i) => i.id)).toEqual([
      beaLicence,
    ]);

    await step(beaLicence, 'renew', { renewedOn: day(1, '07-01') });
    const afterRenewal = inTheWindow((await due(day(2, '03-10')).expect(200)).body);
    expect(afterRenewal.map((item) => item.id)).toEqual([beaLicence, anaDomain]);
    expect(afterRenewal[0]).toMatchObject({ nextRenewalOn: day(2, '01-15'), status: 'renewed' });
    await step(beaLicence, 'lapse');
    expect(inTheWindow((await due(day(2, '03-10')).expect(200)).body).map((i) => i.id)).toEqual([
      anaDomain,
    ]);

    const firstPage = (await due(day(9, '12-31'), { page: 1, pageSize: 1 }).expect(200)).body;
    expect(firstPage).toMatchObject({ page: 1, pageSize: 1 });
    expect(firstPage.items).toHaveLength(1);
    expect(firstPage.total).toBeGreaterThanOrEqual(2);
  });

  it('answers 404 for an unknown customer or renewable, and 422 for renewing or lapsing a lapsed one, writing nothing', async () => {
    const customerId = await customer('Caducado SL');
    const id = (await register(customerId)).body.id;
    await step(id, 'lapse');
    const fresh = (await register(customerId)).body.id;
    await writesNothing(async () => {
      const unknownCustomer = await register(randomUUID());
      expect(unknownCustomer.status).toBe(404);
      expect(unknownCustomer.body.details[0]).toMatchObject({ code: 'CUSTOMER.NOT_FOUND' });
      const unknown = await step(randomUUID(), 'renew', {});
      expect(unknown.status).toBe(404);
      expect(unknown.body.details[0]).toMatchObject({ code: 'RENEWABLE.NOT_FOUND' });
      expect((await step(randomUUID(), 'lapse')).status).toBe(404);
      for (const action of ['renew', 'lapse']) {
        const refused = await step(id, action, {});
        expect(refused.status).toBe(422);
        expect(refused.body.details[0]).toMatchObject({ code: 'RENEWABLE.LAPSED' });
      }
      const beforePurchase = await step(fresh, 'renew', { renewedOn: day(-1, '12-31') });
      expect(beforePurchase.status).toBe(422);
      const inTheFuture = await step(fresh, 'renew', { renewedOn: '2099-01-01' });
      expect(inTheFuture.status).toBe(422);
      expect(inTheFuture.body.details[0]).toMatchObject({ field: 'renewedOn' });
      expect(beforePurchase.body.details[0]).toMatchObject({ field: 'renewedOn' });
    });
    await tab(randomUUID()).expect(404);
  });

  it('refuses with 409 a stale If-Match and answers a repeated Idempotency-Key once, writing nothing', async () => {
    const customerId = await customer('Versionado Renovable SL');
    const id = (await register(customerId)).body.id;
    await writesNothing(async () => {
      const stale = await step(id, 'renew', {}, { ...operator, 'If-Match': '2' });
      expect(stale.status).toBe(409);
    });
    expect((await step(id, 'renew', {}, { ...operator, 'If-Match': '1' })).status).toBe(200);
    const key = { ...operator, 'Idempotency-Key': `renewable-${randomUUID()}` };
    const first = await register(customerId, aRenewable(), key);
    expect(first.status).toBe(201);
    await writesNothing(async () => {
      const again = await register(customerId, aRenewable(), key);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
    });
  });

  it('refuses hostile input with 400, writing nothing: NUL, impossible dates, huge or odd periods, bad ids and queries', async () => {
    const customerId = await customer('Hostil Renovable SL');
    const id = (await register(customerId)).body.id;
    const hostile: [string, object][] = [
      ['productCode', aRenewable({ productCode: 'DOM\u0000ES' })],
      ['productCode', aRenewable({ productCode: 'x'.repeat(101) })],
      ['description', aRenewable({ description: 'x'.repeat(501) })],
      ['purchasedOn', aRenewable({ purchasedOn: '2026-02-30' })],
      ['purchasedOn', aRenewable({ purchasedOn: '31/01/2026' })],
      ['every', aRenewable({ period: { every: 11, unit: 'year' } })],
      ['every', aRenewable({ period: { every: 121, unit: 'month' } })],
      ['every', aRenewable({ period: { every: 1e308, unit: 'year' } })],
      ['every', aRenewable({ period: { every: 0, unit: 'month' } })],
      ['every', aRenewable({ period: { every: 1.5, unit: 'month' } })],
      ['unit', aRenewable({ period: { every: 1, unit: 'week' } })],
      ['period', aRenewable({ period: 'yearly' })],
    ];
    await writesNothing(async () => {
      for (const [field, body] of hostile) {
        const res = await register(customerId, body);
        expect(res.status).toBe(400);
        expect(JSON.stringify(res.body)).toContain(field);
      }
      expect((await step(id, 'renew', { renewedOn: '2027-02-30' })).status).toBe(400);
      expect((await step(id, 'renew', { renewedOn: 'tomorrow' })).status).toBe(400);
      expect((await step('not-a-uuid', 'renew', {})).status).toBe(400);
      expect((await register('not-a-uuid')).status).toBe(400);
    });
    await due('2026-02-30').expect(400);
    await http().get('/api/renewals').set(read()).expect(400);
    await due('2026-03-01', { pageSize: 1000 }).expect(400);
  });

  it("shows the customer's name erased on the to-do list once the customer's personal data is erased", async () => {
    const customerId = await customer('Rosalía Olvidable');
    const id = (await register(customerId, aRenewable({ purchasedOn: day(4, '05-05') }))).body.id;
    const before = (await due(day(4, '06-05')).expect(200)).body.items.find(
      (item: { id: string }) => item.id === id,
    );
    expect(before).toMatchObject({ customerName: 'Rosalía Olvidable' });
    track(
      await http()
        .post(`/api/customers/${customerId}/erase-personal-data`)
        .set(operator)
        .expect(200),
    );
    const list = (await due(day(4, '06-05')).expect(200)).body;
    expect(JSON.stringify(list)).not.toContain('Rosalía Olvidable');
    expect(list.items.find((item: { id: string }) => item.id === id)).toMatchObject({
      productCode: 'DOM-ES',
      nextRenewalOn: day(4, '06-05'),
    });
    await writesNothing(async () => {
      const refused = await register(customerId);
      expect(refused.status).toBe(422);
      expect(refused.body.details[0]).toMatchObject({ code: 'CUSTOMER.ERASED' });
    });
  });
});
