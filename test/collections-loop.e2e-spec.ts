import { BillingFixtures, recentMonths, operator } from './support/billing-fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { TEST_CREDITOR, tomorrow, plusDays } from './support/collections';

const [, NEXT, AFTER] = recentMonths(3);
const FEE = 300;
const plus = plusDays;

interface Issued {
  invoiceId: string;
  customerId: string;
  dueDate: string;
  totals: { totalCents: number };
}

/*
 * The money loop of rules 17–20 over HTTP, end to end: bill → remit (FRST) → the bank returns
 * AM04 → owed again, the fee on the next invoice → dunning suspends at day 30 → the customer
 * pays → the next run resumes → the next remittance collects under the same mandate (RCUR).
 */
describe('The collections loop (rules 17–20)', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  const http = () => given.http();

  beforeAll(async () => {
    testApp = await startTestApp({
      ...TEST_CREDITOR,
      RETURNED_DEBIT_FEE_CENTS: String(FEE),
    });
    given = new BillingFixtures(testApp);
  });
  afterAll(() => testApp.close());

  const read = (path: string) => http().get(`/api${path}`).set(given.readAfterWrites());
  const post = async (path: string, body: object, status = 200) =>
    given.track(await http().post(`/api${path}`).set(operator).send(body).expect(status)).body;

  it('bill → remit FRST → AM04 → dunning suspends at day 30 → paid → resumed → RCUR', async () => {
    const customerId = await given.customer('LOOP');
    const contractId = await given.signedContract(customerId);
    const subscriptionId = await given.activeSubscription(contractId, 3000);

    const [invoice] = (
      await post('/billing/runs', { period: NEXT, customerIds: [customerId] }, 201)
    ).issued as Issued[];
    const first = await post(
      '/collections/remittances',
      { collectionDate: tomorrow(), dueUntil: '2099-12-31' },
      201,
    );
    expect(first).toMatchObject({ effects: 1, firstCollections: 1 });
    const [transaction] = (await read(`/collections/remittances/${first.id}`).expect(200)).body
      .transactions;

    const returned = await post('/collections/returns', {
      effectId: transaction.effectId,
      reasonCode: 'AM04',
    });
    expect(returned.applied).toEqual([
      expect.objectContaining({ feeCents: FEE, mandateInvalidated: false }),
    ]);
    expect((await read(`/invoices/${invoice.invoiceId}`).expect(200)).body).toMatchObject({
      outstandingCents: invoice.totals.totalCents,
    });

    const day30 = await post('/collections/dunning-runs', { asOf: plus(invoice.dueDate, 30) });
    expect(day30.steps).toEqual(expect.arrayContaining([{ customerId, step: 'suspend' }]));
    expect((await read(`/subscriptions/${subscriptionId}`).expect(200)).body).toMatchObject({
      status: 'suspended',
      suspendedBy: 'system',
    });
    const file = await read(`/customers/${customerId}`).expect(200);
    expect(file.body.collections).toMatchObject({
      dunningStage: 'suspend',
      lastReturn: { reasonCode: 'AM04' },
    });
    const ageing = await read(`/collections/ageing?asOf=${plus(invoice.dueDate, 30)}`).expect(200);
    const mine = ageing.body.customers.find(
      (c: { customerId: string }) => c.customerId === customerId,
    );
    expect(mine).toMatchObject({ buckets: { '0-30': invoice.totals.totalCents, '31-60': 0 } });
    expect(ageing.body.totals.totalCents).toBeGreaterThanOrEqual(invoice.totals.totalCents);
    const later = await read(`/collections/ageing?asOf=${plus(invoice.dueDate, 61)}`).expect(200);
    expect(
      later.body.customers.find((c: { customerId: string }) => c.customerId === customerId),
    ).toMatchObject({
      buckets: { '61-90': invoice.totals.totalCents },
    });
    await read('/collections/ageing?asOf=2026-02-30').expect(400);
    const disabled = await read('/customers?disabledBySystem=true&pageSize=100').expect(200);
    expect(disabled.body.items.map((c: { id: string }) => c.id)).toContain(customerId);

    await post(
      `/invoices/${invoice.invoiceId}/payments`,
      { amountCents: invoice.totals.totalCents, method: 'transfer' },
      201,
    );
    const day31 = await post('/collections/dunning-runs', { asOf: plus(invoice.dueDate, 31) });
    expect(day31.resumed).toEqual(
      expect.arrayContaining([expect.objectContaining({ customerId })]),
    );
    expect((await read(`/subscriptions/${subscriptionId}`).expect(200)).body).toMatchObject({
      status: 'active',
    });
    expect(
      (await read(`/customers/${customerId}`).expect(200)).body.collections.dunningStage,
    ).toBeNull();

    const [next] = (await post('/billing/runs', { period: AFTER, customerIds: [customerId] }, 201))
      .issued as Issued[];
    const lines = (await read(`/invoices/${next.invoiceId}`).expect(200)).body.lines;
    expect(lines).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'extra-charge', amountCents: FEE })]),
    );
    const second = await post(
      '/collections/remittances',
      { collectionDate: tomorrow(), dueUntil: '2099-12-31' },
      201,
    );
    expect(second).toMatchObject({ effects: 1, firstCollections: 0, recurringCollections: 1 });
    const [again] = (await read(`/collections/remittances/${second.id}`).expect(200)).body
      .transactions;
    expect(again).toMatchObject({
      invoiceId: next.invoiceId,
      sequenceType: 'RCUR',
      amountCents: next.totals.totalCents,
    });
  });
});
