import { BillingFixtures, recentMonths, operator } from './support/billing-fixtures';
import { countEvents, startTestApp, TestApp } from './support/test-app';

const [, NEXT] = recentMonths(2);

/*
 * Rule 17 over HTTP: the defect the collections issue found (a 36.30 € effect still asking the
 * bank for 36.30 € after a credit note and a payment left 14.20 € owed), and an operator's
 * reductions and cancellations of an effect not yet remitted.
 */
describe('Direct-debit effects follow what is owed (rule 17)', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  const http = () => given.http();

  beforeAll(async () => {
    testApp = await startTestApp();
    given = new BillingFixtures(testApp);
  });
  afterAll(() => testApp.close());

  async function billedInvoice(series: string) {
    const { customerId } = await given.billedContract(series, 3000);
    const run = given.track(
      await http()
        .post('/api/billing/runs')
        .set(operator)
        .send({ period: NEXT, customerIds: [customerId] })
        .expect(201),
    );
    const [invoice] = run.body.issued as { invoiceId: string; totals: { totalCents: number } }[];
    const detail = await http()
      .get(`/api/invoices/${invoice.invoiceId}`)
      .set(given.readAfterWrites())
      .expect(200);
    return {
      customerId,
      invoiceId: invoice.invoiceId,
      total: invoice.totals.totalCents,
      effectId: detail.body.effects[0].id as string,
      version: detail.body.lastRevision + 1,
    };
  }

  const account = async (customerId: string) =>
    (
      await http()
        .get(`/api/customers/${customerId}/account`)
        .set(given.readAfterWrites())
        .expect(200)
    ).body;

  /** Sends the command, expects the refusal and that nothing at all was written. */
  async function refused(path: string, body: object, status: number, code?: string) {
    const before = await countEvents(testApp);
    const res = await http().post(`/api${path}`).set(operator).send(body).expect(status);
    if (code) expect(res.body.code ?? res.body.details?.[0]?.code).toBe(code);
    expect(await countEvents(testApp)).toBe(before);
    return res;
  }

  it("the issue's case: 36.30 € billed, 10.00 € net credited and 10.00 € paid leave 14.20 € owed and asked of the bank", async () => {
    const { customerId, invoiceId, total, effectId } = await billedInvoice('FOW');
    expect(total).toBe(3630);
    expect(await account(customerId)).toMatchObject({ pendingEffectsCents: 3630 });

    await given.post(
      `/invoices/${invoiceId}/credit-notes`,
      { reason: 'Outage', amountCents: 1000 },
      201,
    );
    await given.post(
      `/invoices/${invoiceId}/payments`,
      { amountCents: 1000, method: 'transfer' },
      201,
    );

    const after = await account(customerId);
    expect(after).toMatchObject({
      unpaidBalanceCents: 1420,
      pendingEffectsCents: 1420,
      availableCreditCents: 0,
    });
    expect(after.pendingEffects).toEqual([
      expect.objectContaining({
        id: effectId,
        amountCents: 1420,
        status: 'pending',
        remittanceId: null,
      }),
    ]);
    const kinds = after.transactions.map((line: { kind: string }) => line.kind);
    expect(kinds.filter((kind: string) => kind === 'effect-reduced')).toHaveLength(2);

    // Paying the rest cancels the effect: nothing is left to ask the bank for.
    await given.post(`/invoices/${invoiceId}/payments`, { amountCents: 1420, method: 'cash' }, 201);
    expect(await account(customerId)).toMatchObject({
      unpaidBalanceCents: 0,
      pendingEffectsCents: 0,
      pendingEffects: [],
    });
  });

  it('an operator reduces, then cancels, an effect not yet remitted; bad requests write nothing', async () => {
    const { customerId, invoiceId, effectId, version } = await billedInvoice('FOX');
    const path = `/invoices/${invoiceId}/direct-debit-effects/${effectId}`;

    await refused(
      `${path}/reduce`,
      { amountCents: 5000, reason: 'more' },
      422,
      'INVOICE.EFFECT_REDUCTION_INVALID',
    );
    await refused(`${path}/reduce`, { amountCents: 1e20, reason: 'huge' }, 400);
    await refused(`${path}/reduce`, { amountCents: 100, reason: 'a\u0000b' }, 400);
    await refused(`${path}/cancel`, {}, 400);
    await refused(
      `/invoices/${invoiceId}/direct-debit-effects/00000000-0000-4000-8000-000000000000/cancel`,
      { reason: 'nope' },
      404,
      'INVOICE.EFFECT_NOT_FOUND',
    );
    const stale = await http()
      .post(`/api${path}/reduce`)
      .set({ ...operator, 'If-Match': String(version - 1) })
      .send({ amountCents: 2000, reason: 'instalments' })
      .expect(409);
    expect(stale.body.details).toEqual([
      { code: 'STALE_VERSION', expected: version - 1, actual: version },
    ]);

    const reduced = await given.post(
      `${path}/reduce`,
      { amountCents: 2000, reason: 'Instalments' },
      200,
    );
    expect(reduced.body).toMatchObject({ id: invoiceId, effectId, version: version + 1 });
    expect(await account(customerId)).toMatchObject({ pendingEffectsCents: 2000 });

    await given.post(`${path}/cancel`, { reason: 'Paid at the office' }, 200);
    const cancelled = await account(customerId);
    expect(cancelled).toMatchObject({ pendingEffectsCents: 0, unpaidBalanceCents: 3630 });
    const detail = await http()
      .get(`/api/invoices/${invoiceId}`)
      .set(given.readAfterWrites())
      .expect(200);
    expect(detail.body.effects[0]).toMatchObject({ status: 'cancelled', amountCents: 2000 });
    await refused(`${path}/cancel`, { reason: 'again' }, 422, 'INVOICE.EFFECT_NOT_PENDING');

    const history = await http()
      .get(`/api/customers/${customerId}/history`)
      .set(given.readAfterWrites())
      .expect(200);
    const summaries = history.body.items.map((entry: { summary: string }) => entry.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Direct debit reduced from 36\.30 EUR to 20\.00 EUR \(Instalments\)/),
        expect.stringMatching(/Direct debit of 20\.00 EUR cancelled \(Paid at the office\)/),
      ]),
    );
  });
});
