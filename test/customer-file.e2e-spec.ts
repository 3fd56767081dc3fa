import request from 'supertest';
import { startTestApp, TEST_API_KEYS, TEST_DELEGATE_KEY, TestApp } from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const delegate = { Authorization: `Bearer ${TEST_DELEGATE_KEY}` };
const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };
const IBAN = 'ES91 2100 0418 4502 0005 1332';

describe('customer file, list, history and export over HTTP', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());
  const after = (position: number) => ({ ...auditor, 'X-Min-Position': String(position) });

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('register → file → edit → history shows who changed what, before and after, newest first', async () => {
    const created = await http()
      .post('/api/customers')
      .set({ ...delegate, 'X-Actor': 'ana' })
      .send({
        personType: 'legal',
        name: 'Redes Sur SL',
        email: 'info@redessur.example',
        zone: 'south',
      })
      .expect(201);
    const id = created.body.id;
    const file = await http()
      .get(`/api/customers/${id}`)
      .set(after(created.body.position))
      .expect(200);
    expect(file.body).toMatchObject({
      id,
      status: 'active',
      displayName: 'Redes Sur SL',
      email: 'info@redessur.example',
      warnings: [],
    });

    const edited = await http()
      .patch(`/api/customers/${id}`)
      .set({ ...delegate, 'X-Actor': 'luis', 'If-Match': '1' })
      .send({ zone: 'north', email: 'billing@redessur.example' })
      .expect(200);
    const billing = await http()
      .put(`/api/customers/${id}/billing-settings`)
      .set({ ...delegate, 'X-Actor': 'luis' })
      .send({ iban: IBAN, billingDay: 7 })
      .expect(200);

    const refreshed = await http()
      .get(`/api/customers/${id}`)
      .set(after(billing.body.position))
      .expect(200);
    expect(refreshed.body).toMatchObject({ zone: 'north', email: 'billing@redessur.example' });
    expect(JSON.stringify(refreshed.body)).not.toContain('2100 0418 4502');

    const history = await http()
      .get(`/api/customers/${id}/history`)
      .set(after(billing.body.position))
      .expect(200);
    expect(history.body.total).toBeGreaterThanOrEqual(3);
    const [newest, ...older] = history.body.items;
    // Who (the person the delegate key names) and through which key (`via`), on every line.
    expect(newest).toMatchObject({
      actor: 'luis',
      via: expect.stringMatching(/^operator:[0-9a-f]{8}$/),
      eventType: 'CustomerBillingSettingsChanged',
    });
    expect(JSON.stringify(newest)).not.toContain('2100 0418 4502');
    const zoneChange = older
      .flatMap((item: { changes: { field: string }[] }) => item.changes)
      .find((change: { field: string }) => change.field === 'zone');
    expect(zoneChange).toMatchObject({ before: 'south', after: 'north' });
    const emailChange = older.find(
      (item: { eventType: string }) => item.eventType === 'CustomerEmailChanged',
    );
    expect(emailChange).toMatchObject({ actor: 'luis' });
    expect(history.body.items[history.body.items.length - 1]).toMatchObject({
      actor: 'ana',
      eventType: 'CustomerRegistered',
    });
    expect(edited.body.version).toBe(3);
  });

  it('lists and searches with filters and pages, and exports the same as CSV', async () => {
    const zone = `zone-${Date.now()}`;
    let last = 0;
    for (const [name, paymentMethod] of [
      ['Alfa Telecom', 'direct_debit'],
      ['Beta Fibra', 'transfer'],
      ['Gamma Redes', 'direct_debit'],
    ]) {
      const { body } = await http()
        .post('/api/customers')
        .set(operator)
        .send({ name, zone })
        .expect(201);
      const billing = await http()
        .put(`/api/customers/${body.id}/billing-settings`)
        .set(operator)
        .send({ paymentMethod, billingEnabled: true })
        .expect(200);
      last = billing.body.position;
    }
    const all = await http().get('/api/customers').query({ zone }).set(after(last)).expect(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((c: { displayName: string }) => c.displayName)).toEqual([
      'Alfa Telecom',
      'Beta Fibra',
      'Gamma Redes',
    ]);
    const debit = await http()
      .get('/api/customers')
      .query({ zone, paymentMethod: 'direct_debit', billingEnabled: 'true' })
      .set(auditor)
      .expect(200);
    expect(debit.body.total).toBe(2);
    const searched = await http()
      .get('/api/customers')
      .query({ zone, q: 'beta' })
      .set(auditor)
      .expect(200);
    expect(searched.body.items.map((c: { displayName: string }) => c.displayName)).toEqual([
      'Beta Fibra',
    ]);
    const paged = await http()
      .get('/api/customers')
      .query({ zone, page: 2, pageSize: 2 })
      .set(auditor)
      .expect(200);
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.body.items).toHaveLength(1);
    await http().get('/api/customers').query({ pageSize: 1000 }).set(auditor).expect(400);

    const csv = await http()
      .get('/api/customers/export.csv')
      .query({ zone })
      .set(auditor)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'id,name,observations,email,phone,mobile,address,neighbourhood,zone,document,city,province,billing enabled,invoice type,tax condition,tax id,number of unpaid invoices,unpaid balance,payment method,created at,last modified',
    );
    expect(lines).toHaveLength(4);
  });

  it('answers 404 for an unknown customer file and 503 when the read models cannot reach a position in time', async () => {
    await http()
      .get('/api/customers/3f1c1a52-8d7e-4b7a-9a55-1d2f8c7b6e10')
      .set(auditor)
      .expect(404);
    const res = await http()
      .get('/api/customers')
      .set({ ...auditor, 'X-Min-Position': '999999999' })
      .expect(503);
    expect(res.body).toMatchObject({ statusCode: 503 });
    await http()
      .get('/api/customers')
      .set({ ...auditor, 'X-Min-Position': 'soon' })
      .expect(400);
  }, 15000);

  it('lets an auditor read but answers 401 to a query without a key', async () => {
    await http().get('/api/customers').expect(401);
    await http().get('/api/customers').set(auditor).expect(200);
  });
});
