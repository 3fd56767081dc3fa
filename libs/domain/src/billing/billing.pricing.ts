import { daysIn } from './billing.calendar';
import {
  BillingCycle,
  CycleDates,
  assertCycleDates,
  chargedPeriod,
  cycleBefore,
  daysInCycle,
} from './billing.cycles';
import { discountLines } from './billing.discounts';
import { extraChargeLines } from './billing.extra-charges';
import {
  BillingLine,
  BillingTotals,
  DEFAULT_VAT_RATE_PERCENT,
  UntaxedLine,
  assertVatRate,
  totalsOf,
  withVat,
} from './billing.lines';
import { ContractCyclePricingInput, PricingSubscription } from './billing.pricing-input';
import { prorate } from './billing.proration';
import { TariffSpan, tariffSpans } from './billing.tariff-spans';

/** The invoice of one contract for one cycle, priced but not issued (no series or number). */
export interface ContractCyclePrice {
  contractId?: string;
  cycle: BillingCycle;
  lines: BillingLine[];
  totals: BillingTotals;
}

/**
 * THE pricing function (rule R12): the billing run issues what it returns and the cycle
 * simulator previews the same thing, so a simulation and the issue that follows agree to the
 * cent. Pure: everything it needs is in `input`.
 *
 * Lines come per subscription, in the order given: its tariff lines by date, then its
 * discounts, then its extra charges. Totals are the sums of the lines.
 */
export function priceContractCycle(input: ContractCyclePricingInput): ContractCyclePrice {
  const vatRatePercent = assertVatRate(input.vatRatePercent ?? DEFAULT_VAT_RATE_PERCENT);
  const previous = assertCycleDates(
    input.previousCycle ?? cycleBefore(input.cycle),
    'previous cycle',
  );
  const lines = input.subscriptions.flatMap((subscription) =>
    priceSubscription(
      subscription,
      chargedPeriod(input.cycle, subscription.billingMode, previous),
      vatRatePercent,
    ),
  );
  return {
    ...(input.contractId !== undefined ? { contractId: input.contractId } : {}),
    cycle: input.cycle,
    lines,
    totals: totalsOf(lines),
  };
}

/** The lines one subscription adds for the days `period` it is charged for. */
export function priceSubscription(
  subscription: PricingSubscription,
  period: CycleDates,
  vatRatePercent: number = DEFAULT_VAT_RATE_PERCENT,
): BillingLine[] {
  assertCycleDates(period, 'charged period');
  const spans = tariffSpans(subscription, period);
  const untaxed: UntaxedLine[] = [
    ...spans.map((span) => tariffLine(subscription.subscriptionId, span, period)),
    ...discountLines(
      subscription.subscriptionId,
      subscription.discounts ?? [],
      spans,
      period,
      vatRatePercent,
    ),
    ...extraChargeLines(
      subscription.subscriptionId,
      subscription.extraCharges ?? [],
      period,
      spans.length > 0,
    ),
  ];
  return untaxed.map((line) => withVat(line, vatRatePercent));
}

function tariffLine(subscriptionId: string, span: TariffSpan, period: CycleDates): UntaxedLine {
  const days = daysIn(span);
  const daysInPeriod = daysInCycle(period);
  const { tariff, monthlyPriceCents } = span.tariff;
  return {
    subscriptionId,
    kind: 'tariff',
    description: days === daysInPeriod ? tariff : `${tariff} (${days} of ${daysInPeriod} days)`,
    period: { from: span.from, to: span.to },
    days,
    daysInPeriod,
    unitPriceCents: monthlyPriceCents,
    amountCents: prorate(monthlyPriceCents, span.from, span.to, period),
  };
}
