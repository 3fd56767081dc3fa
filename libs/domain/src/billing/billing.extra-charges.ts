import { assertCents } from '../values/money';
import { assertPlainDate, containsDate } from './billing.calendar';
import { CycleDates, cycleAsRange, daysInCycle } from './billing.cycles';
import { UntaxedLine } from './billing.lines';
import { PricingExtraCharge } from './billing.pricing-input';

/**
 * The extra charges due on this invoice: a one-off charge on the invoice whose charged period
 * holds its `from` (so it follows the subscription's advance or arrears billing), a recurring
 * one, in full, on every invoice whose charged period ends after its `from`. Nothing is due
 * for a subscription with no active day in the period (`active` says so).
 */
export function extraChargeLines(
  subscriptionId: string,
  charges: readonly PricingExtraCharge[],
  period: CycleDates,
  active: boolean,
): UntaxedLine[] {
  charges.forEach(assertExtraCharge);
  if (!active) return [];
  return charges
    .filter((charge) =>
      charge.recurring ? charge.from < period.end : containsDate(cycleAsRange(period), charge.from),
    )
    .map((charge) => ({
      subscriptionId,
      kind: 'extra-charge' as const,
      description: charge.description,
      period: cycleAsRange(period),
      days: daysInCycle(period),
      daysInPeriod: daysInCycle(period),
      unitPriceCents: charge.amountCents,
      amountCents: charge.amountCents,
    }));
}

function assertExtraCharge(charge: PricingExtraCharge): void {
  assertPlainDate(charge.from, 'extra charge from');
  if (assertCents(charge.amountCents, 'extra charge') < 0)
    throw new RangeError(
      `An extra charge is 0 cents or more (a discount gives money back), got ${charge.amountCents}`,
    );
}
