import request from 'supertest';
import { SqlDatabase } from '@app/database';
import { SQL_DATABASE } from '@app/application';
import { BillingFixtures, recentMonths, operator } from './support/billing-fixtures';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';

const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };

describe('POST /customers/:id/erase-personal-data', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  const http = () => request(testApp.app.getHttpServer());
  beforeAll(async () => {
    testApp = await startTestApp();
    given = new BillingFixtures(testApp);
  });
  afterAll(() => testApp.close());

  it('erases the personal data from the file, the log as read, and the export; the raw log never held it in clear', async () => {
    const { id } = (
      await http()
        .post('/api/customers')
        .set(operator)
        .send({ name: 'Secreto Olvidable SL', email: 'olvido@example.com', zone: 'Este' })
        .expect(201)
    ).body;
    await http().post(`/api/customers/${id}/erase-personal-data`).set(auditor).expect(403);
    const { position } = (
      await http().post(`/api/customers/${id}/erase-personal-data`).set(operator).expect(200)
    ).body;

    const file = await http()
      .get(`/api/customers/${id}`)
      .set({ ...operator, 'X-Min-Position': String(position) })
      .expect(200);
    expect(JSON.stringify(file.body)).not.toMatch(/Secreto|olvido@/);
    expect(file.body).toMatchObject({ zone: 'Este' });
    const events = await http()
      .get('/api/audit/events')
      .query({ stream: `customer-${id}` })
      .set(auditor)
      .expect(200);
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual([
      'CustomerRegistered',
      'CustomerPersonalDataErased',
    ]);
    expect(events.body.items[0].data).toMatchObject({
      name: '[erased]',
      email: null,
      zone: 'Este',
    });
    const csv = await http()
      .get('/api/customers/export.csv')
      .set({ ...operator, 'X-Min-Position': String(position) })
      .expect(200);
    expect(csv.text).not.toMatch(/Secreto|olvido@/);
    const raw = await testApp.app
      .get<SqlDatabase>(SQL_DATABASE)
      .query('SELECT data FROM es_events WHERE stream_id = $1', [`customer-${id}`]);
    expect(JSON.stringify(raw.rows)).not.toMatch(/Secreto|olvido@/);

    const again = await http().post(`/api/customers/${id}/erase-personal-data`).set(operator);
    expect(again.status).toBe(422);
    expect(again.body.message).toContain('already erased');
    await http().patch(`/api/customers/${id}`).set(operator).send({ zone: 'x' }).expect(422);
  });

  it('is refused (422) while an invoice from a billing run is unpaid, writing nothing, and accepted once it is paid in full', async () => {
    const [period] = recentMonths(1);
    const customerId = await given.customer('ERA', 'direct_debit', 'Deudora Olvidable SL');
    const contractId = await given.signedContract(customerId);
    const subscriptionId = await given.activeSubscription(contractId, 2500);
    const run = await given.post('/billing/runs', { period, customerIds: [customerId] }, 201);
    const [invoice] = run.body.issued as { invoiceId: string; totals: { totalCents: number } }[];
    expect(run.body.issued).toHaveLength(1);
    // Only the unpaid invoice keeps the data: the service itself has ended.
    await given.post(`/subscriptions/${subscriptionId}/cancel`, {}, 200);

    const before = await countEvents(testApp);
    const refused = await http()
      .post(`/api/customers/${customerId}/erase-personal-data`)
      .set(operator)
      .expect(422);
    expect(refused.body.details.map((d: { code: string }) => d.code)).toEqual([
      'ERASURE.UNPAID_INVOICES',
    ]);
    expect(await countEvents(testApp)).toBe(before);
    const file = await http()
      .get(`/api/customers/${customerId}`)
      .set(given.readAfterWrites())
      .expect(200);
    expect(JSON.stringify(file.body)).toContain('Deudora Olvidable SL');

    const partly = invoice.totals.totalCents - 1;
    await given.post(
      `/invoices/${invoice.invoiceId}/payments`,
      { amountCents: partly, method: 'transfer', paidAt: `${period}-05` },
      201,
    );
    await http().post(`/api/customers/${customerId}/erase-personal-data`).set(operator).expect(422);
    await given.post(
      `/invoices/${invoice.invoiceId}/payments`,
      { amountCents: 1, method: 'transfer', paidAt: `${period}-06` },
      201,
    );
    const erased = given.track(
      await http()
        .post(`/api/customers/${customerId}/erase-personal-data`)
        .set(operator)
        .expect(200),
    );
    expect(erased.body.version).toBeGreaterThan(0);
    const after = await http()
      .get(`/api/customers/${customerId}`)
      .set(given.readAfterWrites())
      .expect(200);
    expect(JSON.stringify(after.body)).not.toContain('Deudora Olvidable SL');
  });
});
