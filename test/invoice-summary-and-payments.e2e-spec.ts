import { dateInZone } from '@app/domain';
import { BillingFixtures, operator, recentMonths } from './support/billing-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const MONTHS = recentMonths(13);
/** The same month last year: always in the previous calendar year. */
const LAST_YEAR = MONTHS[0];
const THIS_MONTH = MONTHS[12];
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/*
 * Seed 004's invoices blocks and payments tab over HTTP: one customer with an invoice of last
 * year left overdue (a little paid long ago) and two of this month, one paid in full, one in part.
 */
describe('Invoice summary blocks and the payments tab (seed 004)', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  const http = () => given.http();
  let customerId: string;
  let old: { invoiceId: string; total: number };
  let paid: { invoiceId: string; total: number };
  let partial: { invoiceId: string; total: number };
  let cancelledTotal: number;
  const earlyPaidAt = new Date(Date.now() - 60 * 86_400_000).toISOString();

  const issued = (body: { issued: { invoiceId: string; totals: { totalCents: number } }[] }) =>
    body.issued.map((invoice) => ({
      invoiceId: invoice.invoiceId,
      total: invoice.totals.totalCents,
    }));

  beforeAll(async () => {
    testApp = await startTestApp();
    given = new BillingFixtures(testApp);
    customerId = await given.customer('SUM', 'transfer');
    for (const price of [3000, 5000]) {
      const contractId = await given.signedContract(customerId, 'transfer');
      await given.activeSubscription(contractId, price);
    }
    const lastYear = await given.post(
      '/billing/runs',
      { period: LAST_YEAR, customerIds: [customerId], issueDate: `${LAST_YEAR}-15` },
      201,
    );
    const [a, b] = issued(lastYear.body);
    old = a;
    cancelledTotal = b.total;
    // The second contract's old invoice is annulled: it counts only in the totals.
    await given.post(`/invoices/${b.invoiceId}/cancellation`, { reason: 'Duplicated' }, 200);
    const now = await given.post(
      '/billing/runs',
      { period: THIS_MONTH, customerIds: [customerId] },
      201,
    );
    [paid, partial] = issued(now.body);
    await given.post(
      `/invoices/${old.invoiceId}/payments`,
      { amountCents: 500, method: 'card', paidAt: earlyPaidAt },
      201,
    );
    await given.post(
      `/invoices/${paid.invoiceId}/payments`,
      { amountCents: paid.total, method: 'cash' },
      201,
    );
    await given.post(
      `/invoices/${partial.invoiceId}/payments`,
      { amountCents: 1000, method: 'transfer' },
      201,
    );
    await given.post(
      `/invoices/${partial.invoiceId}/payments`,
      { amountCents: 200, method: 'transfer' },
      201,
    );
  });
  afterAll(() => testApp.close());

  it('counts and amounts per status, this year and all time, as the invoices list counts them', async () => {
    const res = await http()
      .get(`/api/customers/${customerId}/invoices/summary`)
      .set(given.readAfterWrites())
      .expect(200);
    expect(res.body).toEqual({
      customerId,
      today: dateInZone(new Date().toISOString()),
      timeZone: 'Europe/Madrid',
      thisYear: {
        year: Number(THIS_MONTH.slice(0, 4)),
        pending: { count: 1, amountCents: partial.total - 1200 },
        overdue: { count: 0, amountCents: 0 },
        paid: { count: 1, amountCents: paid.total },
        partial: { count: 1, amountCents: 1200 },
        total: { count: 2, amountCents: paid.total + partial.total },
      },
      allTime: {
        pending: { count: 2, amountCents: partial.total - 1200 + old.total - 500 },
        overdue: { count: 1, amountCents: old.total - 500 },
        paid: { count: 1, amountCents: paid.total },
        partial: { count: 1, amountCents: 1200 },
        total: { count: 4, amountCents: old.total + cancelledTotal + paid.total + partial.total },
      },
    });
    for (const status of ['overdue', 'paid', 'partial'] as const) {
      const list = await http()
        .get(`/api/customers/${customerId}/invoices?status=${status}`)
        .set(operator)
        .expect(200);
      expect(list.body.total).toBe(res.body.allTime[status].count);
    }
  });

  it('lists the payments newest first, pages on, and sums this month by method', async () => {
    const first = await http()
      .get(`/api/customers/${customerId}/payments?pageSize=2`)
      .set(given.readAfterWrites())
      .expect(200);
    expect(first.body).toMatchObject({ total: 4, page: 1, pageSize: 2, timeZone: 'Europe/Madrid' });
    expect(first.body.items).toEqual([
      expect.objectContaining({
        kind: 'payment',
        amountCents: 200,
        method: 'transfer',
        invoice: { id: partial.invoiceId, number: expect.stringMatching(/^SUM/) },
        returnedAt: null,
      }),
      expect.objectContaining({ amountCents: 1000, method: 'transfer' }),
    ]);
    const second = await http()
      .get(`/api/customers/${customerId}/payments?page=2&pageSize=2`)
      .set(operator)
      .expect(200);
    expect(second.body.items).toEqual([
      expect.objectContaining({
        amountCents: paid.total,
        method: 'cash',
        invoice: expect.objectContaining({ id: paid.invoiceId }),
      }),
      expect.objectContaining({
        amountCents: 500,
        method: 'card',
        paidAt: earlyPaidAt,
        date: dateInZone(earlyPaidAt),
        invoice: expect.objectContaining({ id: old.invoiceId }),
      }),
    ]);
    // The card payment two months ago is not this month's.
    expect(first.body.thisMonth).toEqual({
      month: dateInZone(new Date().toISOString()).slice(0, 7),
      byMethod: [
        { method: 'cash', count: 1, amountCents: paid.total },
        { method: 'transfer', count: 2, amountCents: 1200 },
      ],
    });
    const defaults = await http()
      .get(`/api/customers/${customerId}/payments`)
      .set(operator)
      .expect(200);
    expect(defaults.body).toMatchObject({ total: 4, pageSize: 20 });
    expect(defaults.body.items).toHaveLength(4);
  });

  it('answers 404 for an unknown customer and 400 for bad paging', async () => {
    await http().get(`/api/customers/${UNKNOWN}/invoices/summary`).set(operator).expect(404);
    await http().get(`/api/customers/${UNKNOWN}/payments`).set(operator).expect(404);
    await http()
      .get(`/api/customers/${customerId}/payments?pageSize=101`)
      .set(operator)
      .expect(400);
    await http().get(`/api/customers/not-a-uuid/invoices/summary`).set(operator).expect(400);
  });

  it('a customer with no invoices has empty blocks and no payments', async () => {
    const bare = await given.post(
      '/customers',
      { personType: 'legal', name: 'Sin Facturas SL' },
      201,
    );
    const id = bare.body.id as string;
    const summary = await http()
      .get(`/api/customers/${id}/invoices/summary`)
      .set(given.readAfterWrites())
      .expect(200);
    const empty = { count: 0, amountCents: 0 };
    expect(summary.body.allTime).toEqual({
      pending: empty,
      overdue: empty,
      paid: empty,
      partial: empty,
      total: empty,
    });
    const payments = await http().get(`/api/customers/${id}/payments`).set(operator).expect(200);
    expect(payments.body).toMatchObject({ items: [], total: 0, thisMonth: { byMethod: [] } });
  });
});
