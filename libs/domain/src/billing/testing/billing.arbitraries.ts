import fc from 'fast-check';
import { PlainDate, addDays, fromEpochDay } from '../billing.calendar';
import { BillingCycle, PricingBillingMode, billingPeriod } from '../billing.cycles';
import {
  ContractCyclePricingInput,
  PricingDiscount,
  PricingExtraCharge,
  PricingStatusChange,
  PricingSubscription,
  PricingSubscriptionStatus,
  PricingTariff,
} from '../billing.pricing-input';

/** Days from 2020-01-01 to 2035-12-31: leap years, DST changes, month ends. */
export const plainDate: fc.Arbitrary<PlainDate> = fc
  .integer({ min: 18_262, max: 24_106 })
  .map(fromEpochDay);

export const billingDay = fc.integer({ min: 1, max: 28 });

export const billingCycle: fc.Arbitrary<BillingCycle> = fc
  .record({
    year: fc.integer({ min: 2020, max: 2035 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: billingDay,
  })
  .map(({ year, month, day }) => billingPeriod(`${year}-${String(month).padStart(2, '0')}`, day));

/** Monthly prices up to 10 000 EUR, in cents, with odd values that round at half cents. */
export const monthlyPrice = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.constantFrom(0, 1, 99, 101, 2999, 3000, 4999),
);

/** VAT rates a Spanish tenant uses, and odd ones with two decimals. */
export const vatRate = fc.oneof(
  fc.constantFrom(21, 10, 4, 0),
  fc.integer({ min: 0, max: 10_000 }).map((basisPoints) => basisPoints / 100),
);

/** A day near the cycle: up to ~two cycles before it and one after. */
const nearCycle = (cycle: BillingCycle) =>
  fc.integer({ min: -70, max: 70 }).map((offset) => addDays(cycle.start, offset));

const statusChange = (cycle: BillingCycle): fc.Arbitrary<PricingStatusChange> =>
  fc.record({
    status: fc.constantFrom<PricingSubscriptionStatus>(
      'pending-activation',
      'active',
      'active',
      'active',
      'active-not-billable',
      'suspended',
      'rejected',
      'cancelled',
    ),
    from: nearCycle(cycle),
  });

const tariff = (cycle: BillingCycle): fc.Arbitrary<PricingTariff> =>
  fc.record({
    tariff: fc.constantFrom('Fibra 300 Mb', 'Fibra 600 Mb', 'Móvil 20 GB', 'TV'),
    monthlyPriceCents: monthlyPrice,
    effectiveFrom: nearCycle(cycle),
  });

const discount = (cycle: BillingCycle): fc.Arbitrary<PricingDiscount> =>
  fc
    .tuple(
      fc.oneof(
        fc.integer({ min: 1, max: 10_000 }).map((basisPoints) => ({ percent: basisPoints / 100 })),
        fc.integer({ min: 1, max: 500_000 }).map((amountCents) => ({ amountCents })),
      ),
      nearCycle(cycle),
      fc.option(nearCycle(cycle), { nil: undefined }),
    )
    .map(([value, from, until]) => ({ ...value, from, ...(until ? { until } : {}) }));

const extraCharge = (cycle: BillingCycle): fc.Arbitrary<PricingExtraCharge> =>
  fc.record({
    amountCents: fc.integer({ min: 0, max: 200_000 }),
    description: fc.constantFrom('Router', 'IP fija', 'Instalación'),
    recurring: fc.boolean(),
    from: nearCycle(cycle),
  });

/** Timelines with one entry per day, so their order in the input cannot matter. */
export const pricingSubscription = (
  cycle: BillingCycle,
  subscriptionId: string,
): fc.Arbitrary<PricingSubscription> =>
  fc.record({
    subscriptionId: fc.constant(subscriptionId),
    billingMode: fc.constantFrom<PricingBillingMode>('advance', 'arrears'),
    statusTimeline: fc.uniqueArray(statusChange(cycle), {
      maxLength: 5,
      selector: (change) => change.from,
    }),
    tariffTimeline: fc.uniqueArray(tariff(cycle), {
      minLength: 1,
      maxLength: 4,
      selector: (entry) => entry.effectiveFrom,
    }),
    discounts: fc.array(discount(cycle), { maxLength: 3 }),
    extraCharges: fc.array(extraCharge(cycle), { maxLength: 3 }),
  });

export const contractCycle: fc.Arbitrary<ContractCyclePricingInput> = billingCycle.chain((cycle) =>
  fc.record({
    cycle: fc.constant(cycle),
    subscriptions: fc
      .integer({ min: 0, max: 4 })
      .chain((count) =>
        fc.tuple(
          ...Array.from({ length: count }, (_, index) =>
            pricingSubscription(cycle, `sub-${index + 1}`),
          ),
        ),
      ),
    vatRatePercent: vatRate,
  }),
);
