import { Cents, sumCents } from '../values/money';
import {
  PlainDate,
  PlainDateRange,
  assertPlainDate,
  daysIn,
  earliest,
  latest,
} from './billing.calendar';
import { CycleDates, assertCycleDates, cycleAsRange, daysInCycle } from './billing.cycles';
import {
  BillingLine,
  BillingTotals,
  DEFAULT_VAT_RATE_PERCENT,
  assertVatRate,
  totalsOf,
  withVat,
} from './billing.lines';
import { PricingDiscount, PricingSubscription } from './billing.pricing-input';
import { priceSubscription } from './billing.pricing';

/** A subscription billed in advance whose tariff changed in a cycle it had already paid for. */
export interface MigrationCreditInput {
  subscriptionId: string;
  previousTariff: { tariff: string; monthlyPriceCents: Cents };
  newTariff: { tariff: string; monthlyPriceCents: Cents };
  effectiveDate: PlainDate;
  /** The cycle the advance invoice charged the old tariff for. */
  invoicedPeriod: CycleDates;
  /**
   * The days that invoice's tariff line covered, when not the whole cycle (a subscription
   * activated mid-cycle). Defaults to the whole invoiced period.
   */
  invoicedDays?: PlainDateRange;
  /** The subscription's discounts, as the original invoice applied them. */
  discounts?: readonly PricingDiscount[];
  vatRatePercent?: number;
}

export interface MigrationCredit {
  subscriptionId: string;
  /** The days the old tariff was paid for and not used, `[effective date, end)`; null if none. */
  unusedDays: PlainDateRange | null;
  /**
   * The credit note's lines, amounts positive (given back): the old tariff over the unused
   * days and, as a negative line, the part of its discounts that fell on those days.
   */
  lines: BillingLine[];
  totals: BillingTotals;
  /**
   * The new tariff over the unused days, with the same discounts: what the next invoice
   * charges so the new tariff runs from the effective date (R10). Positive, like an invoice.
   */
  newTariffLines: BillingLine[];
}

/**
 * Rule R10: when a subscription billed in advance migrates tariff mid-cycle, the unused days
 * of the old tariff are credited, prorated daily.
 *
 * The credit is the old tariff's price as invoiced minus its price for the days actually used,
 * both through `priceSubscription`, the pricing function issuance uses. Proration rounds the
 * running total (see `prorate`), so the net credit is EXACTLY what was over-charged for those
 * days, and since the used days never cost less than nothing the credit never exceeds the
 * original. (One exception, by a cent per extra discount: with two or more discounts stacked
 * on the subscription, the cent `discountLines` keeps so its total stays ≥ 0 can make the
 * over-charge −1; the credit is then 0, never negative.) VAT is rounded on each credit line
 * (R11), so the credit's VAT can differ by a cent from the original VAT less the used days'.
 */
export function migrationCredit(input: MigrationCreditInput): MigrationCredit {
  const vatRatePercent = assertVatRate(input.vatRatePercent ?? DEFAULT_VAT_RATE_PERCENT);
  const period = assertCycleDates(input.invoicedPeriod, 'invoiced period');
  const invoiced = clampTo(input.invoicedDays ?? cycleAsRange(period), period);
  const unusedFrom = latest(assertPlainDate(input.effectiveDate, 'effective date'), invoiced.from);
  if (unusedFrom >= invoiced.to)
    return { subscriptionId: input.subscriptionId, unusedDays: null, lines: [], ...noMoney() };
  const unusedDays = { from: unusedFrom, to: invoiced.to };

  const asInvoiced = amountsOf(input, invoiced, period, vatRatePercent);
  const asUsed = amountsOf(input, { ...invoiced, to: unusedFrom }, period, vatRatePercent);
  const tariffCredit = asInvoiced.tariff - asUsed.tariff;
  const discountGivenBack = Math.max(
    0,
    Math.min(asInvoiced.discount - asUsed.discount, tariffCredit),
  );
  const daysInPeriod = daysInCycle(period);
  const days = daysIn(unusedDays);
  const line = (description: string, amountCents: Cents, unitPriceCents?: Cents) =>
    withVat(
      {
        subscriptionId: input.subscriptionId,
        kind: 'migration-credit',
        description,
        period: unusedDays,
        days,
        daysInPeriod,
        ...(unitPriceCents !== undefined ? { unitPriceCents } : {}),
        amountCents,
      },
      vatRatePercent,
    );
  const tariffName = input.previousTariff.tariff;
  const lines = [
    line(
      `Unused days of ${tariffName} (${days} of ${daysInPeriod} days)`,
      tariffCredit,
      input.previousTariff.monthlyPriceCents,
    ),
    line(`Discount on the unused days of ${tariffName}`, -discountGivenBack),
  ].filter((credit) => credit.amountCents !== 0);

  const newTariffLines = priceSubscription(
    single(input, input.newTariff, unusedDays, period),
    period,
    vatRatePercent,
  );
  return {
    subscriptionId: input.subscriptionId,
    unusedDays,
    lines,
    totals: totalsOf(lines),
    newTariffLines,
  };
}

/**
 * The old tariff and its discounts (as a positive amount) over `days`, priced as the invoice
 * was — with its VAT rate, which caps discounts so no subscription's total goes below zero.
 */
function amountsOf(
  input: MigrationCreditInput,
  days: PlainDateRange,
  period: CycleDates,
  vatRatePercent: number,
) {
  const subscription = single(input, input.previousTariff, days, period);
  const lines = priceSubscription(subscription, period, vatRatePercent);
  const sumOf = (kind: BillingLine['kind']) =>
    sumCents(lines.filter((line) => line.kind === kind).map((line) => line.amountCents));
  return { tariff: sumOf('tariff'), discount: -sumOf('discount') };
}

/** A subscription on one tariff, active over `days` and billed nothing else. */
function single(
  input: MigrationCreditInput,
  tariff: MigrationCreditInput['previousTariff'],
  days: PlainDateRange,
  period: CycleDates,
): PricingSubscription {
  return {
    subscriptionId: input.subscriptionId,
    billingMode: 'advance',
    statusTimeline: [
      { status: 'active', from: days.from },
      { status: 'suspended', from: days.to },
    ],
    tariffTimeline: [{ ...tariff, effectiveFrom: period.start }],
    discounts: input.discounts ?? [],
  };
}

function clampTo(days: PlainDateRange, period: CycleDates): PlainDateRange {
  assertPlainDate(days.from, 'invoiced days from');
  assertPlainDate(days.to, 'invoiced days to');
  const from = latest(days.from, period.start);
  return { from, to: latest(from, earliest(days.to, period.end)) };
}

const noMoney = () => ({ totals: totalsOf([]), newTariffLines: [] });
