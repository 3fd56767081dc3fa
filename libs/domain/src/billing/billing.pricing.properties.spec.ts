import fc from 'fast-check';
import { percentOfCents } from '../values/money';
import { daysBetween } from './billing.calendar';
import { chargedPeriod, cycleBefore, daysInCycle } from './billing.cycles';
import { BillingLine } from './billing.lines';
import { priceContractCycle } from './billing.pricing';
import { PricingSubscription } from './billing.pricing-input';
import { billingCycle, contractCycle, monthlyPrice } from './testing/billing.arbitraries';

const runs = { numRuns: Number(process.env.BILLING_RUNS ?? 400) };
const sum = (lines: readonly BillingLine[], field: 'amountCents' | 'vatCents' | 'totalCents') =>
  lines.reduce((total, line) => total + line[field], 0);

describe('priceContractCycle properties', () => {
  it('makes the totals the sums of the lines', () => {
    fc.assert(
      fc.property(contractCycle, (input) => {
        const { lines, totals } = priceContractCycle(input);
        expect(totals).toEqual({
          netCents: sum(lines, 'amountCents'),
          vatCents: sum(lines, 'vatCents'),
          totalCents: sum(lines, 'totalCents'),
        });
      }),
      runs,
    );
  });

  it('makes every line its net plus its own VAT, rounded half away from zero on the line', () => {
    fc.assert(
      fc.property(contractCycle, (input) => {
        for (const line of priceContractCycle(input).lines) {
          expect(line.vatRatePercent).toBe(input.vatRatePercent);
          expect(line.vatCents).toBe(percentOfCents(line.amountCents, line.vatRatePercent));
          expect(line.totalCents).toBe(line.amountCents + line.vatCents);
        }
      }),
      runs,
    );
  });

  it('never takes a subscription below zero, nor its tariff below zero by discounts', () => {
    fc.assert(
      fc.property(contractCycle, (input) => {
        const { lines } = priceContractCycle(input);
        for (const { subscriptionId } of input.subscriptions) {
          const own = lines.filter((line) => line.subscriptionId === subscriptionId);
          const tariffAndDiscounts = own.filter((line) => line.kind !== 'extra-charge');
          expect(sum(own, 'amountCents')).toBeGreaterThanOrEqual(0);
          expect(sum(own, 'totalCents')).toBeGreaterThanOrEqual(0);
          expect(sum(tariffAndDiscounts, 'amountCents')).toBeGreaterThanOrEqual(0);
        }
      }),
      runs,
    );
  });

  it('charges tariffs only for active days of the charged period, at most the monthly price', () => {
    fc.assert(
      fc.property(contractCycle, (input) => {
        const { lines } = priceContractCycle(input);
        for (const subscription of input.subscriptions) {
          const period = chargedPeriod(input.cycle, subscription.billingMode);
          const tariffLines = lines.filter(
            (line) => line.subscriptionId === subscription.subscriptionId && line.kind === 'tariff',
          );
          let previousEnd = period.start;
          for (const line of tariffLines) {
            expect(line.period.from >= previousEnd).toBe(true);
            expect(line.period.to <= period.end).toBe(true);
            expect(line.days).toBe(daysBetween(line.period.from, line.period.to));
            expect(line.daysInPeriod).toBe(daysInCycle(period));
            expect(statusOn(subscription, line.period.from)).toBe('active');
            previousEnd = line.period.to;
          }
          const highestPrice = Math.max(
            ...subscription.tariffTimeline.map((entry) => entry.monthlyPriceCents),
          );
          expect(sum(tariffLines, 'amountCents')).toBeLessThanOrEqual(highestPrice);
          if (!subscription.statusTimeline.some((change) => change.status === 'active'))
            expect(lines.some((line) => line.subscriptionId === subscription.subscriptionId)).toBe(
              false,
            );
        }
      }),
      runs,
    );
  });

  it('does not depend on the order timelines are given in', () => {
    fc.assert(
      fc.property(contractCycle, (input) => {
        const reversed = {
          ...input,
          subscriptions: input.subscriptions.map((subscription) => ({
            ...subscription,
            statusTimeline: [...subscription.statusTimeline].reverse(),
            tariffTimeline: [...subscription.tariffTimeline].reverse(),
          })),
        };
        expect(priceContractCycle(reversed)).toEqual(priceContractCycle(input));
      }),
      runs,
    );
  });

  it('charges a subscription active all along its monthly price, however its tariff is cut', () => {
    fc.assert(
      fc.property(
        billingCycle,
        monthlyPrice,
        fc.uniqueArray(fc.integer({ min: 1, max: 27 }), { maxLength: 6 }),
        fc.constantFrom('advance' as const, 'arrears' as const),
        (cycle, price, cuts, billingMode) => {
          const period = billingMode === 'advance' ? cycle : cycleBefore(cycle);
          const subscription: PricingSubscription = {
            subscriptionId: 'sub-1',
            billingMode,
            statusTimeline: [{ status: 'active', from: '2019-01-01' }],
            tariffTimeline: [
              { tariff: 'Fibra', monthlyPriceCents: price, effectiveFrom: '2019-01-01' },
              ...cuts.map((offset, index) => ({
                tariff: `Fibra v${index + 2}`,
                monthlyPriceCents: price,
                effectiveFrom: `${period.start.slice(0, 8)}${String(offset).padStart(2, '0')}`,
              })),
            ],
          };
          const { totals } = priceContractCycle({ cycle, subscriptions: [subscription] });
          expect(totals.netCents).toBe(price);
        },
      ),
      runs,
    );
  });
});

function statusOn(subscription: PricingSubscription, day: string) {
  return [...subscription.statusTimeline]
    .filter((change) => change.from <= day)
    .sort((a, b) => (a.from < b.from ? -1 : 1))
    .pop()?.status;
}
