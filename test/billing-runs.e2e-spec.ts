import { BillingFixtures, recentMonths, operator } from './support/billing-fixtures';
import { countEvents, startTestApp, TestApp } from './support/test-app';

const [PERIOD, NEXT] = recentMonths(2);

interface IssuedSummary {
  invoiceId: string;
  number: string;
  customerId: string;
  contractId: string;
  maskedIban: string | null;
  totals: { netCents: number; vatCents: number; totalCents: number };
}

describe('Billing runs, invoices, credit notes and payments over HTTP (rules R4, R7–R11, R15)', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  const http = () => given.http();

  beforeAll(async () => {
    testApp = await startTestApp();
    given = new BillingFixtures(testApp);
  });
  afterAll(() => testApp.close());

  const run = async (body: object, status = 201) =>
    given.track(await http().post('/api/billing/runs').set(operator).send(body).expect(status));

  it('issues what the simulation previewed, to the cent, and nothing more when run again', async () => {
    const customerId = await given.customer('SIM');
    const first = await given.signedContract(customerId);
    const second = await given.signedContract(customerId);
    await given.activeSubscription(first, 3000);
    await given.activeSubscription(first, 1999);
    await given.activeSubscription(second, 4550);

    const simulated = await http()
      .post('/api/billing/simulations')
      .set(given.readAfterWrites())
      .send({ cycles: 1, customerIds: [customerId], from: `${PERIOD}-01` })
      .expect(200);
    const previews = simulated.body.contracts.map(
      (c: { contractId: string; cycles: { invoice: { lines: unknown; totals: unknown } }[] }) => ({
        contractId: c.contractId,
        lines: c.cycles[0].invoice.lines,
        totals: c.cycles[0].invoice.totals,
      }),
    );

    const res = await run({ period: PERIOD, customerIds: [customerId] });
    // R7: one invoice per contract; numbered 1 and 2 in the customer's series (R8).
    expect(res.body.issued.map((i: IssuedSummary) => i.number).sort()).toEqual([
      'SIM-000001',
      'SIM-000002',
    ]);
    for (const preview of previews) {
      const issued = res.body.issued.find(
        (i: IssuedSummary) => i.contractId === preview.contractId,
      );
      const invoice = await http()
        .get(`/api/invoices/${issued.invoiceId}`)
        .set(given.readAfterWrites())
        .expect(200);
      expect(invoice.body.lines).toEqual(preview.lines);
      expect(invoice.body.totals).toEqual(preview.totals);
    }

    const before = await countEvents(testApp);
    const again = await run({ period: PERIOD, customerIds: [customerId] });
    expect(again.body).toMatchObject({ issued: [], alreadyIssued: 2 });
    expect(await countEvents(testApp)).toBe(before);
  });

  it("charges the signature's IBAN after the customer's IBAN changed, and keeps the customer's name (R4, R15)", async () => {
    const { customerId } = await given.billedContract('IBAN');
    given.track(
      await http()
        .put(`/api/customers/${customerId}/billing-settings`)
        .set(operator)
        .send({ iban: 'ES66 2100 0418 4012 3456 7891' })
        .expect(200),
    );
    const res = await run({ period: PERIOD, customerIds: [customerId] });
    const [issued] = res.body.issued as IssuedSummary[];
    expect(issued.maskedIban).toMatch(/1332$/);

    given.track(
      await http()
        .patch(`/api/customers/${customerId}`)
        .set(operator)
        .send({ name: 'Renombrada SL' })
        .expect(200),
    );
    const invoice = await http()
      .get(`/api/invoices/${issued.invoiceId}`)
      .set(given.readAfterWrites())
      .expect(200);
    expect(JSON.stringify(invoice.body)).toContain('Facturada SL');
    expect(JSON.stringify(invoice.body)).not.toContain('Renombrada');
    expect(JSON.stringify(invoice.body)).not.toContain('7891');
  });

  it('gives an active-not-billable subscription no line on the invoice (R5)', async () => {
    const customerId = await given.customer('ANB');
    const contractId = await given.signedContract(customerId);
    const billable = await given.activeSubscription(contractId, 3000);
    // activated and moved today: not one day of this cycle billable
    const ownLine = (
      await given.post(
        '/subscriptions',
        { contractId, tariff: 'Línea propia', monthlyPriceCents: 2000, billingMode: 'advance' },
        201,
      )
    ).body.id as string;
    await given.post(`/subscriptions/${ownLine}/activate`, {}, 200);
    await given.post(`/subscriptions/${ownLine}/active-not-billable`, {}, 200);

    const res = await run({ period: PERIOD, customerIds: [customerId] });
    const invoice = await http()
      .get(`/api/invoices/${res.body.issued[0].invoiceId}`)
      .set(given.readAfterWrites())
      .expect(200);
    expect(
      invoice.body.lines.map((line: { subscriptionId: string }) => line.subscriptionId),
    ).toEqual([billable]);
  });

  it('credits a mid-month tariff migration under advance billing with exactly one prorated credit note, once (R10)', async () => {
    const customerId = await given.customer('MIG');
    const contractId = await given.signedContract(customerId);
    const subscriptionId = await given.activeSubscription(contractId, 3100);
    const issued = (await run({ period: PERIOD, customerIds: [customerId] })).body.issued[0];

    await given.post(
      `/subscriptions/${subscriptionId}/tariff-migrations`,
      { tariff: 'Fibra 1000', monthlyPriceCents: 6200, effectiveDate: `${PERIOD}-16` },
      201,
    );
    const credits = await given.track(
      await http()
        .post('/api/billing/migration-credits')
        .set(operator)
        .send({ period: PERIOD, customerIds: [customerId] })
        .expect(201),
    );
    expect(credits.body.granted).toHaveLength(1);
    const [credit] = credits.body.granted;
    expect(credit).toMatchObject({ invoiceId: issued.invoiceId, number: 'RMIG-000001' });
    expect(credit.unusedDays.from).toBe(`${PERIOD}-16`);
    expect(credit.totals.totalCents).toBeGreaterThan(0);
    expect(credit.totals.totalCents).toBeLessThan(issued.totals.totalCents);

    const again = await http()
      .post('/api/billing/migration-credits')
      .set(operator)
      .send({ period: PERIOD, customerIds: [customerId] })
      .expect(201);
    expect(again.body.granted).toEqual([]);

    const invoice = await http()
      .get(`/api/invoices/${issued.invoiceId}`)
      .set(given.readAfterWrites())
      .expect(200);
    expect(invoice.body.creditNotes).toHaveLength(1);
    expect(invoice.body.creditNotes[0].lines[0].kind).toBe('migration-credit');
  });

  it('numbers two racing runs gaplessly: one set of invoices, no number reused or skipped (R8)', async () => {
    const contracts = [];
    for (let i = 0; i < 6; i++) contracts.push(await given.billedContract('CARRERA', 1000 + i));
    const customerIds = contracts.map((c) => c.customerId);
    const [a, b, c] = await Promise.all(
      [0, 1, 2].map(() =>
        http().post('/api/billing/runs').set(operator).send({ period: PERIOD, customerIds }),
      ),
    );
    for (const res of [a, b, c]) expect(res.status).toBe(201);
    const issued = [a, b, c].flatMap((res) => res.body.issued as IssuedSummary[]);
    expect(issued).toHaveLength(6);
    expect(new Set(issued.map((i) => i.contractId)).size).toBe(6);
    expect(issued.map((i) => i.number).sort()).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => `CARRERA-${String(n).padStart(6, '0')}`),
    );
    for (const res of [a, b, c]) given.track(res);
    const lists = await Promise.all(
      customerIds.map((id) =>
        http().get(`/api/customers/${id}/invoices`).set(given.readAfterWrites()).expect(200),
      ),
    );
    expect(lists.map((list) => list.body.items.length)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('takes partial and full payments, credit notes within the total, and tracks the account (R9)', async () => {
    const { customerId } = await given.billedContract('PAY', 10000);
    const [invoice] = (await run({ period: NEXT, customerIds: [customerId] })).body.issued;
    const total = invoice.totals.totalCents as number; // 121.00 EUR

    const before = await countEvents(testApp);
    const tooMuch = await http()
      .post(`/api/invoices/${invoice.invoiceId}/credit-notes`)
      .set(operator)
      .send({ reason: 'Too much', amountCents: 20000 })
      .expect(422);
    expect(tooMuch.body.details.map((d: { code: string }) => d.code)).toContain('R9');
    expect(await countEvents(testApp)).toBe(before);

    const credit = await given.post(
      `/invoices/${invoice.invoiceId}/credit-notes`,
      { reason: 'Outage', amountCents: 1000 },
      201,
    );
    expect(credit.body).toMatchObject({ number: 'RPAY-000001', totals: { totalCents: 1210 } });
    await given.post(
      `/invoices/${invoice.invoiceId}/payments`,
      { amountCents: 5000, method: 'transfer', paidAt: `${NEXT}-05` },
      201,
    );
    const partial = await http()
      .get(`/api/invoices/${invoice.invoiceId}`)
      .set(given.readAfterWrites())
      .expect(200);
    expect(partial.body).toMatchObject({
      status: 'partial',
      outstandingCents: total - 1210 - 5000,
    });

    // The run sent a direct-debit effect for what was owed; the credit note and the payment
    // lowered it to what is left (rule 17): the bank is never asked for more than is owed.
    const [effect] = partial.body.effects;
    expect(effect).toMatchObject({ status: 'pending', amountCents: total - 1210 - 5000 });
    await http()
      .post(`/api/invoices/${invoice.invoiceId}/payments`)
      .set(operator)
      .send({ amountCents: total, method: 'cash' })
      .expect(422);
    await given.post(
      `/invoices/${invoice.invoiceId}/payments`,
      { amountCents: total - 1210 - 5000, method: 'cash' },
      201,
    );
    const account = await http()
      .get(`/api/customers/${customerId}/account`)
      .set(given.readAfterWrites())
      .expect(200);
    // Paid in full by hand: the effect asks for nothing any more.
    expect(account.body).toMatchObject({ unpaidInvoices: 0, pendingEffectsCents: 0 });
    const paid = await http()
      .get(`/api/customers/${customerId}/invoices?status=paid`)
      .set(given.readAfterWrites())
      .expect(200);
    expect(paid.body.items).toHaveLength(1);
  });

  it('collects and returns direct-debit effects: a returned effect is owed again', async () => {
    const { customerId } = await given.billedContract('EFF', 2000);
    const [invoice] = (await run({ period: NEXT, customerIds: [customerId] })).body.issued;
    const detail = await http()
      .get(`/api/invoices/${invoice.invoiceId}`)
      .set(given.readAfterWrites())
      .expect(200);
    const effectId = detail.body.effects[0].id;
    const path = `/invoices/${invoice.invoiceId}/direct-debit-effects/${effectId}`;
    await given.post(`${path}/collect`, {}, 200);
    let state = await http()
      .get(`/api/invoices/${invoice.invoiceId}`)
      .set(given.readAfterWrites())
      .expect(200);
    expect(state.body).toMatchObject({ status: 'paid', outstandingCents: 0 });
    await given.post(`${path}/return`, { reason: 'MS02 refused by the debtor' }, 200);
    state = await http()
      .get(`/api/invoices/${invoice.invoiceId}`)
      .set(given.readAfterWrites())
      .expect(200);
    expect(state.body.outstandingCents).toBe(invoice.totals.totalCents);
    expect(state.body.effects[0].status).toBe('returned');
  });

  it('refuses bad input with 400 and unknown invoices with 404, writing nothing', async () => {
    const before = await countEvents(testApp);
    await http().post('/api/billing/runs').set(operator).send({ period: '2026-13' }).expect(400);
    await http().post('/api/billing/runs').set(operator).send({}).expect(400);
    const unknown = '3f1c1a52-8d7e-4b7a-9a55-1d2f8c7b6e10';
    await http()
      .post(`/api/invoices/${unknown}/payments`)
      .set(operator)
      .send({ amountCents: 100, method: 'cash' })
      .expect(404);
    await http()
      .post(`/api/invoices/${unknown}/credit-notes`)
      .set(operator)
      .send({ reason: 'x', amountCents: 100 })
      .expect(404);
    await http()
      .post(`/api/invoices/${unknown}/credit-notes`)
      .set(operator)
      .send({ reason: 'x' })
      .expect(400);
    await http().get(`/api/invoices/${unknown}`).set(operator).expect(404);
    expect(await countEvents(testApp)).toBe(before);
  });
});
