import { Cents, assertCents, describeCents, percentOfCents, sumCents } from '../values/money';
import { addDays, assertPlainDate, daysIn, overlap } from './billing.calendar';
import { CycleDates, daysInCycle } from './billing.cycles';
import { UntaxedLine } from './billing.lines';
import { PricingDiscount } from './billing.pricing-input';
import { prorate } from './billing.proration';
import { TariffSpan } from './billing.tariff-spans';

/**
 * Discounts are their own negative lines beside the tariff lines, so an invoice shows the
 * price and the "bonificación" separately and VAT is rounded on each (R11).
 *
 * Each discount is worked out on the tariff charged in the days it covers (its window meets
 * the active days of the charged period). A percentage takes its share of that tariff; a fixed
 * amount is prorated over the same days. Each is then capped — at the tariff it covers and at
 * what earlier discounts left — so a subscription's tariff never goes below zero, net or with
 * VAT (several discount lines each rounding their VAT up could otherwise take the total a cent
 * below zero; the last one gives up that cent instead). Discounts apply in the order given;
 * extra charges are never discounted.
 */
export function discountLines(
  subscriptionId: string,
  discounts: readonly PricingDiscount[],
  spans: readonly TariffSpan[],
  period: CycleDates,
  vatRatePercent: number,
): UntaxedLine[] {
  const gross = (cents: Cents) => cents + percentOfCents(cents, vatRatePercent);
  const tariffs = spans.map((span) =>
    prorate(span.tariff.monthlyPriceCents, span.from, span.to, period),
  );
  let left = sumCents(tariffs);
  let leftWithVat = sumCents(tariffs.map(gross));
  const lines: UntaxedLine[] = [];
  for (const discount of discounts) {
    assertDiscount(discount);
    const window = {
      from: discount.from,
      to: discount.until != null ? addDays(discount.until, 1) : period.end,
    };
    const covered = spans.flatMap((span) => {
      const days = overlap(span, window);
      return days ? [{ ...days, monthlyPriceCents: span.tariff.monthlyPriceCents }] : [];
    });
    if (covered.length === 0) continue;
    const prorated = (monthlyCents: (days: (typeof covered)[number]) => Cents) =>
      sumCents(covered.map((days) => prorate(monthlyCents(days), days.from, days.to, period)));
    const tariffCovered = prorated((days) => days.monthlyPriceCents);
    const wanted =
      discount.percent != null
        ? percentOfCents(tariffCovered, discount.percent)
        : prorated(() => discount.amountCents);
    let amount = Math.min(wanted, tariffCovered, left);
    while (amount > 0 && gross(amount) > leftWithVat) amount--;
    if (amount <= 0) continue;
    left -= amount;
    leftWithVat -= gross(amount);
    lines.push({
      subscriptionId,
      kind: 'discount',
      description: discount.description ?? describeDiscount(discount),
      period: { from: covered[0].from, to: covered[covered.length - 1].to },
      days: covered.reduce((total, days) => total + daysIn(days), 0),
      daysInPeriod: daysInCycle(period),
      ...(discount.percent == null ? { unitPriceCents: -discount.amountCents } : {}),
      amountCents: -amount,
    });
  }
  return lines;
}

function describeDiscount(discount: PricingDiscount): string {
  return discount.percent != null
    ? `Discount ${discount.percent} %`
    : `Discount ${describeCents(discount.amountCents)} per cycle`;
}

function assertDiscount(discount: PricingDiscount): void {
  assertPlainDate(discount.from, 'discount from');
  if (discount.until != null) assertPlainDate(discount.until, 'discount until');
  if (discount.percent != null) {
    if (!(discount.percent > 0 && discount.percent <= 100))
      throw new RangeError(
        `A discount percentage is more than 0 and at most 100, got ${discount.percent}`,
      );
  } else if (assertCents(discount.amountCents, 'discount amount') <= 0) {
    throw new RangeError(`A discount amount is more than 0 cents, got ${discount.amountCents}`);
  }
}
