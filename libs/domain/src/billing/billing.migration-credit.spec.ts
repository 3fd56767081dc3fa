import fc from 'fast-check';
import { addDays, daysBetween } from './billing.calendar';
import { BillingCycle, billingPeriod, daysInCycle } from './billing.cycles';
import { assertCreditable } from './billing.credit-limit';
import { BillingLine, totalsOf } from './billing.lines';
import { MigrationCreditInput, migrationCredit } from './billing.migration-credit';
import { priceSubscription } from './billing.pricing';
import { PricingDiscount, PricingSubscription } from './billing.pricing-input';
import { prorate } from './billing.proration';
import { billingCycle, monthlyPrice, vatRate } from './testing/billing.arbitraries';

const march = billingPeriod('2026-03', 1); // 31 days
const fibre300 = { tariff: 'Fibra 300 Mb', monthlyPriceCents: 3000 };
const fibre600 = { tariff: 'Fibra 600 Mb', monthlyPriceCents: 4500 };

const migratedOn = (effectiveDate: string, more: Partial<MigrationCreditInput> = {}) =>
  migrationCredit({
    subscriptionId: 'sub-fibre',
    previousTariff: fibre300,
    newTariff: fibre600,
    effectiveDate,
    invoicedPeriod: march,
    ...more,
  });

describe('migrationCredit (R10)', () => {
  it('credits the unused days of the old tariff, prorated daily, with VAT on the line', () => {
    const credit = migratedOn('2026-03-11');
    expect(credit.unusedDays).toEqual({ from: '2026-03-11', to: '2026-04-01' });
    expect(credit.lines).toEqual([
      {
        subscriptionId: 'sub-fibre',
        kind: 'migration-credit',
        description: 'Unused days of Fibra 300 Mb (21 of 31 days)',
        period: { from: '2026-03-11', to: '2026-04-01' },
        days: 21,
        daysInPeriod: 31,
        unitPriceCents: 3000,
        amountCents: 2032, // 3000 − the 968 the 10 used days cost
        vatRatePercent: 21,
        vatCents: 427,
        totalCents: 2459,
      },
    ]);
    expect(credit.totals).toEqual({ netCents: 2032, vatCents: 427, totalCents: 2459 });
  });

  it('says what the next invoice charges for the new tariff from the effective date', () => {
    expect(migratedOn('2026-03-11').newTariffLines).toMatchObject([
      {
        kind: 'tariff',
        description: 'Fibra 600 Mb (21 of 31 days)',
        period: { from: '2026-03-11', to: '2026-04-01' },
        amountCents: 3048,
        vatCents: 640,
      },
    ]);
  });

  it('credits the whole cycle for a migration on its first day, nothing after its end', () => {
    expect(migratedOn('2026-03-01').totals.netCents).toBe(3000);
    expect(migratedOn('2026-02-10').totals.netCents).toBe(3000);
    expect(migratedOn('2026-04-01')).toEqual({
      subscriptionId: 'sub-fibre',
      unusedDays: null,
      lines: [],
      totals: { netCents: 0, vatCents: 0, totalCents: 0 },
      newTariffLines: [],
    });
  });

  it('credits only days the original line covered (activated mid-cycle)', () => {
    const invoicedDays = { from: '2026-03-21', to: '2026-04-01' };
    const credit = migratedOn('2026-03-11', { invoicedDays });
    expect(credit.unusedDays).toEqual(invoicedDays);
    expect(credit.totals.netCents).toBe(prorate(3000, '2026-03-21', '2026-04-01', march));
  });

  it('gives back the discount that fell on the unused days as a negative line', () => {
    const credit = migratedOn('2026-03-11', { discounts: [{ percent: 10, from: '2026-01-01' }] });
    // Invoiced 3000 − 300; the 10 used days cost 968 − 97; the difference is over-charged.
    expect(credit.lines.map((line) => [line.description, line.amountCents])).toEqual([
      ['Unused days of Fibra 300 Mb (21 of 31 days)', 2032],
      ['Discount on the unused days of Fibra 300 Mb', -203],
    ]);
    expect(credit.totals.netCents).toBe(2700 - 871);
  });

  it('refuses a broken date or VAT rate', () => {
    expect(() => migratedOn('2026-02-30')).toThrow(RangeError);
    expect(() => migratedOn('2026-03-11', { vatRatePercent: -1 })).toThrow(RangeError);
  });
});

describe('migrationCredit properties', () => {
  const runs = { numRuns: Number(process.env.BILLING_RUNS ?? 400) };
  const scenario = billingCycle.chain((cycle) =>
    fc.record({
      cycle: fc.constant(cycle),
      oldPrice: monthlyPrice,
      newPrice: monthlyPrice,
      effectiveOffset: fc.integer({ min: -5, max: 35 }),
      invoicedFromOffset: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
      vat: vatRate,
    }),
  );
  const discounts = fc.array(
    fc.oneof(
      fc
        .integer({ min: 1, max: 10_000 })
        .map((bp): PricingDiscount => ({ percent: bp / 100, from: '2019-01-01' })),
      fc
        .integer({ min: 1, max: 500_000 })
        .map((amountCents): PricingDiscount => ({ amountCents, from: '2019-01-01' })),
    ),
    { maxLength: 2 },
  );

  /** What the original advance invoice charged: the old tariff over the invoiced days. */
  function asInvoiced(
    s: Scenario,
    subscriptionDiscounts: PricingDiscount[] = [],
    until?: string,
  ): BillingLine[] {
    const from = invoicedFromOf(s);
    const subscription: PricingSubscription = {
      subscriptionId: 'sub-1',
      billingMode: 'advance',
      statusTimeline: [
        { status: 'active', from },
        ...(until ? [{ status: 'suspended' as const, from: until }] : []),
      ],
      tariffTimeline: [
        { tariff: 'Old', monthlyPriceCents: s.oldPrice, effectiveFrom: '2019-01-01' },
      ],
      discounts: subscriptionDiscounts,
    };
    return priceSubscription(subscription, s.cycle, s.vat);
  }

  const invoicedFromOf = (s: Scenario) =>
    addDays(s.cycle.start, Math.min(s.invoicedFromOffset, daysInCycle(s.cycle)));

  function credit(s: Scenario, subscriptionDiscounts: PricingDiscount[] = []) {
    const invoicedFrom = invoicedFromOf(s);
    return migrationCredit({
      subscriptionId: 'sub-1',
      previousTariff: { tariff: 'Old', monthlyPriceCents: s.oldPrice },
      newTariff: { tariff: 'New', monthlyPriceCents: s.newPrice },
      effectiveDate: addDays(s.cycle.start, s.effectiveOffset),
      invoicedPeriod: s.cycle,
      invoicedDays: { from: invoicedFrom, to: s.cycle.end },
      discounts: subscriptionDiscounts,
      vatRatePercent: s.vat,
    });
  }

  it('credits exactly what was over-charged: the original less what the used days cost', () => {
    fc.assert(
      fc.property(scenario, discounts, (s, subscriptionDiscounts) => {
        const granted = credit(s, subscriptionDiscounts);
        const original = totalsOf(asInvoiced(s, subscriptionDiscounts)).netCents;
        const usedUntil = granted.unusedDays?.from ?? s.cycle.end;
        const used = totalsOf(asInvoiced(s, subscriptionDiscounts, usedUntil)).netCents;
        if (subscriptionDiscounts.length <= 1)
          expect(granted.totals.netCents).toBe(original - used);
        // Stacked discounts may leave a cent so a subscription's total never goes below zero;
        // the original can then be a cent under what the used days alone would cost.
        else
          expect(
            Math.abs(granted.totals.netCents - Math.max(0, original - used)),
          ).toBeLessThanOrEqual(subscriptionDiscounts.length - 1);
      }),
      runs,
    );
  });

  it('never credits more than the original line, nor less than nothing', () => {
    fc.assert(
      fc.property(scenario, discounts, (s, subscriptionDiscounts) => {
        const granted = credit(s, subscriptionDiscounts);
        const original = totalsOf(asInvoiced(s, subscriptionDiscounts));
        expect(granted.totals.netCents).toBeGreaterThanOrEqual(0);
        expect(granted.totals.netCents).toBeLessThanOrEqual(original.netCents);
        const [tariffCredit] = granted.lines;
        const [originalLine] = asInvoiced(s);
        if (tariffCredit) {
          expect(tariffCredit.amountCents).toBeLessThanOrEqual(originalLine.amountCents);
          expect(tariffCredit.totalCents).toBeLessThanOrEqual(originalLine.totalCents);
        }
        if (subscriptionDiscounts.length === 0 && granted.totals.totalCents > 0)
          expect(() =>
            assertCreditable(original.totalCents, [], granted.totals.totalCents),
          ).not.toThrow();
      }),
      runs,
    );
  });

  it('adds up, with the new tariff from the effective date, to pricing the migration up front', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const granted = credit(s);
        const original = totalsOf(asInvoiced(s)).netCents;
        const newTariff = totalsOf(granted.newTariffLines).netCents;
        const effective = addDays(s.cycle.start, s.effectiveOffset);
        const invoicedFrom = invoicedFromOf(s);
        const upFront = priceSubscription(
          {
            subscriptionId: 'sub-1',
            billingMode: 'advance',
            statusTimeline: [{ status: 'active', from: invoicedFrom }],
            tariffTimeline: [
              { tariff: 'Old', monthlyPriceCents: s.oldPrice, effectiveFrom: '2019-01-01' },
              { tariff: 'New', monthlyPriceCents: s.newPrice, effectiveFrom: effective },
            ],
          },
          s.cycle,
          s.vat,
        );
        expect(original - granted.totals.netCents + newTariff).toBe(totalsOf(upFront).netCents);
      }),
      runs,
    );
  });

  it('credits the unused share of a full cycle by the days alone', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const granted = credit({ ...s, invoicedFromOffset: 0 });
        const unused = granted.unusedDays ?? { from: s.cycle.end, to: s.cycle.end };
        expect(granted.totals.netCents).toBe(prorate(s.oldPrice, unused.from, unused.to, s.cycle));
        expect(daysBetween(unused.from, unused.to)).toBeLessThanOrEqual(daysInCycle(s.cycle));
      }),
      runs,
    );
  });
});

interface Scenario {
  cycle: BillingCycle;
  oldPrice: number;
  newPrice: number;
  effectiveOffset: number;
  invoicedFromOffset: number;
  vat: number;
}
