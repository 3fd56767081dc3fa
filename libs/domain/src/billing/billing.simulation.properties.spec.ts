import fc from 'fast-check';
import { PAYMENT_METHODS } from '../customer/customer.billing';
import { BillingCycle } from './billing.cycles';
import { invoicesToIssue } from './billing.issuance';
import { simulateCycles } from './billing.simulation';
import { ContractBillingSnapshot } from './billing.snapshot';
import { billingCycle, pricingSubscription, vatRate } from './testing/billing.arbitraries';
import { billingSnapshot } from './testing/billing.snapshot.fixtures';

/** Random contracts billed in `cycle`: settings, signatures and subscriptions of every kind. */
const snapshotIn = (cycle: BillingCycle): fc.Arbitrary<ContractBillingSnapshot> =>
  fc
    .record({
      billingEnabled: fc.boolean(),
      invoiceSeries: fc.constantFrom('F', 'A-2026', null, ''),
      vatRatePercent: fc.option(vatRate, { nil: null }),
      sendInvoiceEmail: fc.boolean(),
      mainEmail: fc.constantFrom('ana@example.com', null),
      signed: fc.boolean(),
      signedIban: fc.constantFrom('ES9121000418450200051332', null),
      paymentMethod: fc.constantFrom(...PAYMENT_METHODS),
      subscriptions: fc
        .integer({ min: 0, max: 3 })
        .chain((count) =>
          fc.tuple(
            ...Array.from({ length: count }, (_, index) =>
              pricingSubscription(cycle, `sub-${index + 1}`),
            ),
          ),
        ),
    })
    .map((drawn) =>
      billingSnapshot({
        billing: {
          billingEnabled: drawn.billingEnabled,
          invoiceSeries: drawn.invoiceSeries,
          billingDay: cycle.billingDay,
          vatRatePercent: drawn.vatRatePercent,
          sendInvoiceEmail: drawn.sendInvoiceEmail,
        },
        mainEmail: drawn.mainEmail,
        contract: {
          status: drawn.signed ? 'signed' : 'draft',
          signed: drawn.signed,
          signedIban: drawn.signed ? drawn.signedIban : null,
          paymentMethod: drawn.paymentMethod,
        },
        subscriptions: drawn.subscriptions.map((subscription) => ({
          ...subscription,
          status: 'active' as const,
        })),
      }),
    );

describe('simulate then issue (rule R12)', () => {
  it('gives, for one cycle, exactly the lines, totals and problems the billing run issues', () => {
    fc.assert(
      fc.property(
        billingCycle.chain((cycle) => fc.tuple(fc.constant(cycle), snapshotIn(cycle), vatRate)),
        ([cycle, snapshot, vatDefault]) => {
          const [simulated] = simulateCycles([snapshot], {
            from: cycle.start,
            cycles: 1,
            vatDefault,
          }).contracts[0].cycles;
          const issued = invoicesToIssue(snapshot, cycle.period, vatDefault);
          expect(simulated.period).toBe(cycle.period);
          expect(simulated.invoice?.lines ?? null).toEqual(issued.invoices[0]?.lines ?? null);
          expect(simulated.invoice?.totals ?? null).toEqual(issued.invoices[0]?.totals ?? null);
          expect(simulated.problems).toEqual(issued.problems);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('issues an invoice only with lines, a series and a signed contract, never two (R7)', () => {
    fc.assert(
      fc.property(
        billingCycle.chain((cycle) => fc.tuple(fc.constant(cycle), snapshotIn(cycle))),
        ([cycle, snapshot]) => {
          const { invoices, problems } = invoicesToIssue(snapshot, cycle.period);
          expect(invoices.length).toBeLessThanOrEqual(1);
          if (invoices.length === 0) return;
          expect(invoices[0].lines.length).toBeGreaterThan(0);
          expect(invoices[0].series).not.toBe('');
          expect(snapshot.contract.signed).toBe(true);
          expect(problems.every((problem) => !problem.blocksIssuance)).toBe(true);
          if (snapshot.contract.paymentMethod === 'direct_debit')
            expect(invoices[0].iban).toBe(snapshot.contract.signedIban);
        },
      ),
      { numRuns: 300 },
    );
  });
});
