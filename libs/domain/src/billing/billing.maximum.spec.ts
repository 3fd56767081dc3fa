import fc from 'fast-check';
import { given } from '../shared/testing/decider-specification';
import { subscriptionDecider } from '../subscription/subscription.decider';
import { HISTORIES, subscriptionCommand } from '../subscription/testing/subscription.fixtures';
import { MAX_AMOUNT_CENTS, MAX_INVOICE_LINES, MONEY_ABOVE_MAXIMUM } from '../values/money';
import { billingPeriod } from './billing.cycles';
import { invoicesToIssue } from './billing.issuance';
import { priceContractCycle } from './billing.pricing';
import { PricingSubscription } from './billing.pricing-input';
import { BillingProblemCode } from './billing.problems';
import { billingSnapshot, snapshotSubscription } from './testing/billing.snapshot.fixtures';
import { billingCycle, vatRate } from './testing/billing.arbitraries';

const runs = { numRuns: Number(process.env.BILLING_RUNS ?? 300) };
const active = () => given(subscriptionDecider)([...HISTORIES.active]);

/** Any amount a command accepts, leaning on the maximum and its neighbours. */
const acceptedAmount = fc.oneof(
  fc.integer({ min: 0, max: MAX_AMOUNT_CENTS }),
  fc.constantFrom(MAX_AMOUNT_CENTS, MAX_AMOUNT_CENTS - 1, 1, 0),
);

describe('One maximum for every amount (MAX_AMOUNT_CENTS, issue 16 item 2)', () => {
  describe('the deciders refuse amounts above it with MONEY.ABOVE_MAXIMUM', () => {
    const above = [MAX_AMOUNT_CENTS + 1, 8_000_000_000_000_000, 1e15];

    it.each(above)('a monthly price of %p cents', (monthlyPriceCents) => {
      // given nothing, when a subscription is requested at that price, then it is refused
      given(subscriptionDecider)()
        .when(
          subscriptionCommand('RequestSubscription', {
            contractId: 'contract-1',
            customerId: 'customer-1',
            contract: { status: 'signed' },
            customer: { status: 'active' },
            tariff: 'Fibra',
            monthlyPriceCents,
            billingMode: 'advance',
          }),
        )
        .thenRefuses(MONEY_ABOVE_MAXIMUM, { details: [{ field: 'monthlyPriceCents' }] });
    });

    it.each(above)('a tariff migration to %p cents', (monthlyPriceCents) => {
      active()
        .when(
          subscriptionCommand('MigrateSubscriptionTariff', {
            tariff: 'Fibra 1 Gb',
            monthlyPriceCents,
            effectiveDate: '2025-03-15',
          }),
        )
        .thenRefuses(MONEY_ABOVE_MAXIMUM, { details: [{ field: 'monthlyPriceCents' }] });
    });

    it.each(above)('an extra charge or a discount of %p cents', (amountCents) => {
      active()
        .when(
          subscriptionCommand('AddExtraCharge', {
            chargeId: 'c-1',
            amountCents,
            description: 'Router',
            recurring: true,
          }),
        )
        .thenRefuses(MONEY_ABOVE_MAXIMUM, { details: [{ field: 'amountCents' }] });
      active()
        .when(
          subscriptionCommand('GrantDiscount', {
            discountId: 'd-1',
            from: '2025-02-01',
            amountCents,
          }),
        )
        .thenRefuses(MONEY_ABOVE_MAXIMUM, { details: [{ field: 'amountCents' }] });
    });

    it('accepts the maximum itself', () => {
      active()
        .when(
          subscriptionCommand('AddExtraCharge', {
            chargeId: 'c-1',
            amountCents: MAX_AMOUNT_CENTS,
            description: 'Obra',
            recurring: false,
          }),
        )
        .then([expect.objectContaining({ type: 'ExtraChargeAdded' })]);
    });
  });

  describe('every total of accepted amounts is a safe integer', () => {
    const subscriptionAt = (cycle: ReturnType<typeof billingPeriod>, id: string) =>
      fc.record<PricingSubscription>({
        subscriptionId: fc.constant(id),
        billingMode: fc.constantFrom('advance' as const, 'arrears' as const),
        statusTimeline: fc.constant([{ status: 'active' as const, from: '2019-01-01' }]),
        tariffTimeline: fc
          .array(acceptedAmount, { minLength: 1, maxLength: 4 })
          .map((prices) =>
            prices.map((monthlyPriceCents, index) => ({
              tariff: `T${index}`,
              monthlyPriceCents,
              effectiveFrom: index === 0 ? '2019-01-01' : cycle.start,
            })),
          )
          .map((timeline) => timeline.slice(0, 1).concat(timeline.slice(1, 2))),
        discounts: fc.array(
          fc.oneof(
            fc.integer({ min: 1, max: MAX_AMOUNT_CENTS }).map((amountCents) => ({
              amountCents,
              from: '2019-01-01',
            })),
            fc
              .integer({ min: 1, max: 10_000 })
              .map((bp) => ({ percent: bp / 100, from: '2019-01-01' })),
          ),
          { maxLength: 3 },
        ),
        extraCharges: fc.array(
          acceptedAmount.map((amountCents) => ({
            amountCents,
            description: 'Cargo',
            recurring: true,
            from: '2019-01-01',
          })),
          { maxLength: 40 },
        ),
      });

    it('prices any accepted prices, discounts and charges without overflow or RangeError', () => {
      fc.assert(
        fc.property(
          billingCycle.chain((cycle) =>
            fc.record({
              cycle: fc.constant(cycle),
              subscriptions: fc.array(subscriptionAt(cycle, 'sub'), { minLength: 1, maxLength: 4 }),
              vatRatePercent: vatRate,
            }),
          ),
          (input) => {
            const subscriptions = input.subscriptions.map((s, i) => ({
              ...s,
              subscriptionId: `sub-${i}`,
            }));
            const { lines, totals } = priceContractCycle({ ...input, subscriptions });
            expect(lines.length).toBeLessThanOrEqual(MAX_INVOICE_LINES);
            for (const cents of [totals.netCents, totals.vatCents, totals.totalCents])
              expect(Number.isSafeInteger(cents)).toBe(true);
            expect(Math.abs(totals.totalCents)).toBeLessThanOrEqual(
              lines.length * 2 * MAX_AMOUNT_CENTS,
            );
          },
        ),
        runs,
      );
    });

    it('fits the worst case: MAX_INVOICE_LINES lines at the maximum, with 100 % VAT', () => {
      // given one subscription whose tariff and every extra charge is at the maximum
      const cycle = billingPeriod('2026-02', 1);
      const charges = Array.from({ length: MAX_INVOICE_LINES - 1 }, (_, index) => ({
        amountCents: MAX_AMOUNT_CENTS,
        description: `Cargo ${index}`,
        recurring: true,
        from: '2026-01-01',
      }));
      const subscription = snapshotSubscription({
        tariffTimeline: [
          { tariff: 'Max', monthlyPriceCents: MAX_AMOUNT_CENTS, effectiveFrom: '2025-12-20' },
        ],
        extraCharges: charges,
      });
      // when it is priced
      const { lines, totals } = priceContractCycle({
        cycle,
        subscriptions: [subscription],
        vatRatePercent: 100,
      });
      // then every line is there and the total is exact
      expect(lines).toHaveLength(MAX_INVOICE_LINES);
      expect(totals.totalCents).toBe(2 * MAX_AMOUNT_CENTS * MAX_INVOICE_LINES);
      expect(Number.isSafeInteger(totals.totalCents)).toBe(true);
    });
  });

  describe('a contract the log gives an amount above it is a problem, not a crash', () => {
    it.each([
      [
        'a price of 8e15 cents',
        {
          tariffTimeline: [{ tariff: 'Old', monthlyPriceCents: 8e15, effectiveFrom: '2025-12-20' }],
        },
      ],
      [
        'an extra charge of 1e15 cents',
        {
          extraCharges: [
            { amountCents: 1e15, description: 'Old', recurring: true, from: '2026-01-01' },
          ],
        },
      ],
    ])('%s blocks its invoice with R12.AMOUNT_ABOVE_MAXIMUM', (_case, overrides) => {
      // given a snapshot folded from events written before the maximum was enforced
      const snapshot = billingSnapshot({ subscriptions: [snapshotSubscription(overrides)] });
      // when the run prices its cycle
      const outcome = invoicesToIssue(snapshot, '2026-02');
      // then no invoice and one blocking problem naming the subscription
      expect(outcome.invoices).toEqual([]);
      expect(outcome.problems).toEqual([
        expect.objectContaining({
          code: BillingProblemCode.amountAboveMaximum,
          contractId: 'contract-1',
          subscriptionId: 'sub-fibre',
          blocksIssuance: true,
        }),
      ]);
    });

    it('an old price above it no longer in effect blocks nothing', () => {
      // given a price of 1e15 until a migration back to 30.00 EUR before the cycle
      const snapshot = billingSnapshot({
        subscriptions: [
          snapshotSubscription({
            tariffTimeline: [
              { tariff: 'Old', monthlyPriceCents: 1e15, effectiveFrom: '2025-12-20' },
              { tariff: 'Fibra', monthlyPriceCents: 3000, effectiveFrom: '2026-01-10' },
            ],
          }),
        ],
      });
      // when February is priced, then it is invoiced at today's price
      const outcome = invoicesToIssue(snapshot, '2026-02');
      expect(outcome.problems).toEqual([]);
      expect(outcome.invoices[0].totals.totalCents).toBe(3630);
    });

    it('more lines than an invoice may hold block it with R12.CANNOT_PRICE', () => {
      const extraCharges = Array.from({ length: MAX_INVOICE_LINES }, (_, index) => ({
        amountCents: 100,
        description: `Cargo ${index}`,
        recurring: true,
        from: '2026-01-01',
      }));
      const snapshot = billingSnapshot({ subscriptions: [snapshotSubscription({ extraCharges })] });
      const outcome = invoicesToIssue(snapshot, '2026-02');
      expect(outcome.invoices).toEqual([]);
      expect(outcome.problems.map((problem) => problem.code)).toEqual([
        BillingProblemCode.cannotPrice,
      ]);
    });

    it('anything else the pricing throws becomes R12.CANNOT_PRICE for that contract', () => {
      // given a tariff day no calendar has (an old event), when priced, then a problem
      const snapshot = billingSnapshot({
        subscriptions: [
          snapshotSubscription({
            discounts: [{ percent: 250, from: '2026-01-01' }],
          }),
        ],
      });
      const outcome = invoicesToIssue(snapshot, '2026-02');
      expect(outcome.invoices).toEqual([]);
      expect(outcome.problems).toEqual([
        expect.objectContaining({ code: BillingProblemCode.cannotPrice, blocksIssuance: true }),
      ]);
    });
  });
});
