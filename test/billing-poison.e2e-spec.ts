import { dateInZone, MAX_AMOUNT_CENTS } from '@app/domain';
import { BillingFixtures, recentMonths, operator } from './support/billing-fixtures';
import { PoisonedEvents } from './support/poisoned-events';
import { recordE2eFigure } from './support/e2e-figures';
import { countEvents, startTestApp, TestApp } from './support/test-app';

/**
 * Issue 16, items 2, 3, 4 and 12: one customer's bad price or series never stops anyone else's
 * billing. Bad input is refused where it comes in (400 / 422 naming the field, nothing
 * written); bad values the log already holds (written before the checks) make their contract
 * an R12 problem while the run bills everyone else.
 */
describe('Poison input in billing (issue 16)', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  let old: PoisonedEvents;
  const http = () => given.http();
  const [FIRST, SECOND, THIRD] = recentMonths(3);

  beforeAll(async () => {
    testApp = await startTestApp();
    given = new BillingFixtures(testApp);
    old = new PoisonedEvents(testApp, given);
  });
  afterAll(() => testApp.close());

  const codesOf = (body: { problems: { code: string }[] }) => body.problems.map((p) => p.code);

  const billed = (series: string, price?: number) => old.billed(series, price);

  describe('amounts above the one maximum (MAX_AMOUNT_CENTS) are refused with 400, writing nothing', () => {
    it.each([8_000_000_000_000_000, 1e15, MAX_AMOUNT_CENTS + 1])(
      'a monthly price of %p cents',
      async (monthlyPriceCents) => {
        const customerId = await given.customer('PRECIO');
        const contractId = await given.signedContract(customerId);
        const before = await countEvents(testApp);
        const res = await http()
          .post('/api/subscriptions')
          .set(operator)
          .send({ contractId, tariff: 'Oro', monthlyPriceCents, billingMode: 'advance' })
          .expect(400);
        expect(JSON.stringify(res.body)).toContain('monthlyPriceCents');
        expect(await countEvents(testApp)).toBe(before);
      },
    );

    it('an extra charge, a discount and a tariff migration above it', async () => {
      const { subscriptionId } = await billed('CARGO');
      const before = await countEvents(testApp);
      const tooMuch = 8_000_000_000_000_000;
      const refused = [
        [
          `/subscriptions/${subscriptionId}/extra-charges`,
          { amountCents: tooMuch, description: 'X', recurring: true },
        ],
        [
          `/subscriptions/${subscriptionId}/discounts`,
          { amountCents: tooMuch, from: `${FIRST}-01` },
        ],
        [
          `/subscriptions/${subscriptionId}/tariff-migrations`,
          { tariff: 'Oro', monthlyPriceCents: 1e15, effectiveDate: `${FIRST}-15` },
        ],
      ] as const;
      for (const [path, body] of refused) {
        const res = await http().post(`/api${path}`).set(operator).send(body).expect(400);
        expect(JSON.stringify(res.body)).toMatch(/amountCents|monthlyPriceCents/);
      }
      expect(await countEvents(testApp)).toBe(before);
    });

    it('accepts the maximum itself', async () => {
      const customerId = await given.customer('TOPE');
      const contractId = await given.signedContract(customerId);
      await given.post(
        '/subscriptions',
        { contractId, tariff: 'Tope', monthlyPriceCents: MAX_AMOUNT_CENTS, billingMode: 'advance' },
        201,
      );
    });
  });

  describe('an invoice series is checked where it is set, by the numbering rule', () => {
    it('refuses "../ S;--" naming the field, writes nothing, and a run for all still works', async () => {
      const good = await billed('BUENA');
      const bad = await given.post(
        '/customers',
        { personType: 'legal', name: 'Serie Mala SL' },
        201,
      );
      const before = await countEvents(testApp);
      const res = await http()
        .put(`/api/customers/${bad.body.id}/billing-settings`)
        .set(operator)
        .send({ billingEnabled: true, invoiceSeries: '../ S;--' })
        .expect(422);
      expect(res.body.details).toEqual([
        expect.objectContaining({ code: 'BILLING.INVALID_SERIES', field: 'invoiceSeries' }),
      ]);
      expect(await countEvents(testApp)).toBe(before);

      const run = await given.post('/billing/runs', { period: FIRST }, 201);
      expect(run.body.issued.map((i: { customerId: string }) => i.customerId)).toContain(
        good.customerId,
      );
    });

    it('keeps invoice and credit-note series apart (rule R8): B cannot take RQE585', async () => {
      // given customer A on QE585 with an invoice and a credit note on it
      const a = await billed('QE585');
      const [invoice] = (
        await given.post('/billing/runs', { period: SECOND, customerIds: [a.customerId] }, 201)
      ).body.issued;
      expect(invoice.number).toBe('QE585-000001');
      const credit = await given.post(
        `/invoices/${invoice.invoiceId}/credit-notes`,
        { reason: 'Outage', amountCents: 100 },
        201,
      );
      expect(credit.body.number).toBe('RQE585-000001');
      // when customer B asks for A's rectifying series, in either case
      const b = await given.post('/customers', { personType: 'legal', name: 'Cliente B SL' }, 201);
      const before = await countEvents(testApp);
      for (const invoiceSeries of ['RQE585', 'rqe585']) {
        const res = await http()
          .put(`/api/customers/${b.body.id}/billing-settings`)
          .set(operator)
          .send({ billingEnabled: true, invoiceSeries })
          .expect(422);
        expect(res.body.details).toEqual([
          expect.objectContaining({ code: 'R8', field: 'invoiceSeries' }),
        ]);
      }
      // then nothing was written, and any series not starting with R is fine
      expect(await countEvents(testApp)).toBe(before);
      await http()
        .put(`/api/customers/${b.body.id}/billing-settings`)
        .set(operator)
        .send({ invoiceSeries: 'QE586' })
        .expect(200);
      recordE2eFigure(
        'series-rule',
        'test/billing-poison.e2e-spec.ts',
        'An invoice series is checked where it is set, by the rule the numbering uses, and can never be a rectifying series (rule R8): invoices and credit notes never share a series (issue 16)',
        `A on QE585: invoice ${invoice.number}, credit note ${credit.body.number}; B asking for RQE585 or rqe585: 422 R8, nothing written; "../ S;--": 422 BILLING.INVALID_SERIES and a run for all still bills`,
      );
    });
  });

  describe('values the log already holds: the run skips the contract, reports it, bills the rest', () => {
    it('an extra charge of 8e15, a price of 1e15 and the series "../ S;--" or "RQE585" in old events', async () => {
      // given a good customer and four whose events were written before today's checks
      const good = await billed('SANA');
      const hugeCharge = await billed('VIEJA1');
      const hugePrice = await billed('VIEJA2');
      const badSeries = await billed('VIEJA3');
      const rectifying = await billed('VIEJA4');
      await old.extraCharge(hugeCharge, 8_000_000_000_000_000, `${SECOND}-01`);
      await old.tariffMigration(hugePrice, 1e15, `${THIRD}-01`);
      await old.invoiceSeries(badSeries, '../ S;--');
      await old.invoiceSeries(rectifying, 'RQE585');
      const customerIds = [good, hugeCharge, hugePrice, badSeries, rectifying].map(
        (c) => c.customerId,
      );

      // when the simulation runs over everyone: 200, each bad contract a problem
      const simulation = await http()
        .post('/api/billing/simulations')
        .set(given.readAfterWrites())
        .send({ cycles: 2, from: `${SECOND}-01`, customerIds })
        .expect(200);
      const problemOf = (contractId: string) =>
        simulation.body.problems
          .filter((p: { contractId: string }) => p.contractId === contractId)
          .map((p: { code: string }) => p.code);
      expect(problemOf(hugeCharge.contractId)).toEqual(['R12.AMOUNT_ABOVE_MAXIMUM']);
      expect(problemOf(hugePrice.contractId)).toEqual(['R12.AMOUNT_ABOVE_MAXIMUM']);
      expect(problemOf(badSeries.contractId)).toEqual(['R12.INVALID_INVOICE_SERIES']);
      expect(problemOf(rectifying.contractId)).toEqual(['R12.INVALID_INVOICE_SERIES']);
      expect(problemOf(good.contractId)).toEqual([]);

      // and the billing run for all customers: 201, the good one billed, the others reported
      const run = await given.post('/billing/runs', { period: THIRD }, 201);
      const billedCustomers = run.body.issued.map((i: { customerId: string }) => i.customerId);
      expect(billedCustomers).toContain(good.customerId);
      for (const poisoned of [hugeCharge, hugePrice, badSeries, rectifying])
        expect(billedCustomers).not.toContain(poisoned.customerId);
      expect(codesOf(run.body)).toEqual(
        expect.arrayContaining(['R12.AMOUNT_ABOVE_MAXIMUM', 'R12.INVALID_INVOICE_SERIES']),
      );
      const reported = new Set(run.body.problems.map((p: { contractId: string }) => p.contractId));
      for (const poisoned of [hugeCharge, hugePrice, badSeries, rectifying])
        expect(reported).toContain(poisoned.contractId);
      for (const invoice of run.body.issued)
        expect(Number.isSafeInteger(invoice.totals.totalCents)).toBe(true);
    });
  });

  describe('the simulation from today (item 12)', () => {
    it('includes the cycle in progress and marks the cycles already issued', async () => {
      // given a customer billed on day 1 whose invoice for this month was issued
      const today = dateInZone(new Date().toISOString());
      const thisMonth = today.slice(0, 7);
      const { customerId } = await billed('HOY');
      const [issued] = (
        await given.post('/billing/runs', { period: thisMonth, customerIds: [customerId] }, 201)
      ).body.issued;

      // when it is simulated from today (no `from`)
      const res = await http()
        .post('/api/billing/simulations')
        .set(given.readAfterWrites())
        .send({ cycles: 2, customerIds: [customerId] })
        .expect(200);
      const [contract] = res.body.contracts;

      // then this month's cycle comes first, issued, with its invoice; the next ones previewed
      const inProgress = !today.endsWith('-01');
      expect(contract.cycles).toHaveLength(inProgress ? 3 : 2);
      expect(contract.cycles[0]).toMatchObject({
        period: thisMonth,
        status: 'issued',
        inProgress,
        invoice: null,
        issuedInvoice: { id: issued.invoiceId, number: issued.number },
      });
      for (const cycle of contract.cycles.slice(1)) {
        expect(cycle).toMatchObject({ status: 'previewed', inProgress: false });
        expect(cycle.invoice.totals.totalCents).toBe(3630);
      }
      recordE2eFigure(
        'simulation-from-today',
        'test/billing-poison.e2e-spec.ts',
        'The simulation from today includes the cycle in progress and marks a cycle already issued with its invoice instead of previewing it again (issue 16)',
        `simulated on ${today} for 2 cycles: ${contract.cycles.length} cycles, ${contract.cycles.map((cycle: { period: string; status: string }) => `${cycle.period} ${cycle.status}`).join(', ')} (issued as ${issued.number})`,
      );
    });

    it('previews the cycle in progress when it was not issued yet', async () => {
      const today = dateInZone(new Date().toISOString());
      const { customerId } = await billed('PRORRATA');
      const res = await http()
        .post('/api/billing/simulations')
        .set(given.readAfterWrites())
        .send({ cycles: 1, customerIds: [customerId] })
        .expect(200);
      const [first] = res.body.contracts[0].cycles;
      expect(first).toMatchObject({ period: today.slice(0, 7), status: 'previewed' });
      expect(first.invoice.lines.length).toBeGreaterThan(0);
    });
  });
});
