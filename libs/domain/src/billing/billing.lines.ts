import { Cents, assertCents, percentOfCents, sumCents } from '../values/money';
import { PlainDateRange } from './billing.calendar';

/** Rule R11: 21 % VAT unless the customer's billing settings say otherwise. */
export const DEFAULT_VAT_RATE_PERCENT = 21;

/**
 * - `tariff`: the subscription's monthly price over the days it was active (prorated);
 * - `discount`: a "bonificación", a negative line beside the tariff lines it reduces;
 * - `extra-charge`: an "importe adicional", one-off or recurring;
 * - `migration-credit`: a credit-note line giving back unused days of an old tariff (R10);
 * - `correction`: a credit-note line an operator grants (R9), an amount given back.
 */
export type BillingLineKind =
  'tariff' | 'discount' | 'extra-charge' | 'migration-credit' | 'correction';

/**
 * One line of an invoice or credit note. Money is net of VAT in `amountCents`; VAT is computed
 * on this line alone and rounded half away from zero (R11), and `totalCents = amountCents +
 * vatCents`. `period` is half-open, `[from, to)`.
 */
export interface BillingLine {
  subscriptionId: string;
  kind: BillingLineKind;
  description: string;
  period: PlainDateRange;
  /** Days of `period` the line charges (fewer than its span when a suspension cuts through). */
  days: number;
  /** Days of the cycle the price is for: the proration's denominator. */
  daysInPeriod: number;
  /** The monthly price prorated, or the extra charge's amount; absent for percentage lines. */
  unitPriceCents?: Cents;
  amountCents: Cents;
  vatRatePercent: number;
  vatCents: Cents;
  totalCents: Cents;
}

export interface BillingTotals {
  netCents: Cents;
  vatCents: Cents;
  totalCents: Cents;
}

export type UntaxedLine = Omit<BillingLine, 'vatRatePercent' | 'vatCents' | 'totalCents'>;

/** The VAT and total a priced line carries, as every invoice and estimate line does (R11). */
export interface Taxed {
  vatRatePercent: number;
  vatCents: Cents;
  totalCents: Cents;
}

/**
 * Adds the line's own VAT, rounded to the cent on this line (R11). Any line with a net
 * `amountCents` takes it: invoice lines and estimate lines (rule 29) are taxed by this one function.
 */
export function withVat(line: UntaxedLine, vatRatePercent: number): BillingLine;
export function withVat<L extends { amountCents: Cents }>(
  line: L,
  vatRatePercent: number,
): Omit<L, keyof Taxed> & Taxed;
export function withVat(line: { amountCents: Cents }, vatRatePercent: number): object {
  assertVatRate(vatRatePercent);
  const vatCents = percentOfCents(assertCents(line.amountCents), vatRatePercent);
  return { ...line, vatRatePercent, vatCents, totalCents: line.amountCents + vatCents };
}

/** Totals are sums of the lines, never recomputed from a grand net (that would round twice). */
export function totalsOf(
  lines: readonly Pick<BillingLine, 'amountCents' | 'vatCents' | 'totalCents'>[],
): BillingTotals {
  return {
    netCents: sumCents(lines.map((line) => line.amountCents)),
    vatCents: sumCents(lines.map((line) => line.vatCents)),
    totalCents: sumCents(lines.map((line) => line.totalCents)),
  };
}

export function assertVatRate(percent: number): number {
  const twoDecimals =
    Number.isFinite(percent) && Math.abs(Math.round(percent * 100) - percent * 100) < 1e-6;
  if (!twoDecimals || percent < 0 || percent > 100)
    throw new RangeError(
      `A VAT rate is a percentage from 0 to 100 with at most two decimals, got ${percent}`,
    );
  return percent;
}
