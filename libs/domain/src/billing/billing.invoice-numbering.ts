import { RefusalReason } from '../shared/domain-error';
import { BillingRefusal, billingRefusal } from './billing.errors';

/** Digits an invoice number is padded to: `F2026-000123`. Longer numbers are never cut. */
export const INVOICE_NUMBER_DIGITS = 6;

/** Credit notes use their own rectifying series (R8): `R` before the invoice series. */
export const RECTIFYING_SERIES_PREFIX = 'R';

const SERIES = /^[A-Za-z0-9][A-Za-z0-9_/]*$/;

/** The longest invoice series code (its rectifying series is one character longer). */
export const MAX_INVOICE_SERIES_LENGTH = 20;

/** Whether `series` is an invoice series code (R8): letters and digits (and _ or /), ≤ 20. */
export const isInvoiceSeriesCode = (series: unknown): series is string =>
  typeof series === 'string' && SERIES.test(series) && series.length <= MAX_INVOICE_SERIES_LENGTH;

export interface InvoiceNumber {
  series: string;
  number: number;
  /** `series-number`, the number zero-padded: `F2026-000123`. */
  formatted: string;
  /** The date the series gave the document with its number (dates follow numbers), if any. */
  issueDate?: string;
}

/**
 * Rule R8: the number after `lastNumber` in `series` (0 when none was issued yet). Pure: the
 * billing run keeps numbers gapless and unique by appending to the series' stream with the
 * expected version, so two racing runs cannot both take the same number.
 */
export function nextInvoiceNumber(series: string, lastNumber: number): InvoiceNumber {
  assertSeries(series);
  if (!Number.isSafeInteger(lastNumber) || lastNumber < 0)
    throw billingRefusal(
      BillingRefusal.invoiceNumbering,
      `The last number of series ${series} must be a whole number ≥ 0, got ${lastNumber}.`,
    );
  const number = lastNumber + 1;
  return { series, number, formatted: formatInvoiceNumber(series, number) };
}

export function formatInvoiceNumber(series: string, number: number): string {
  assertSeries(series);
  if (!Number.isSafeInteger(number) || number < 1)
    throw billingRefusal(
      BillingRefusal.invoiceNumbering,
      `Invoice numbers start at 1, got ${number}.`,
    );
  return `${series}-${String(number).padStart(INVOICE_NUMBER_DIGITS, '0')}`;
}

/** `F2026-000123` → series `F2026`, number 123; `null` when it is not an invoice number. */
export function parseInvoiceNumber(formatted: string): InvoiceNumber | null {
  const match = /^(.+)-(\d+)$/.exec(formatted);
  if (!match || !SERIES.test(match[1])) return null;
  const number = Number(match[2]);
  if (!Number.isSafeInteger(number) || number < 1) return null;
  if (formatInvoiceNumber(match[1], number) !== formatted) return null;
  return { series: match[1], number, formatted };
}

/** The series credit notes on invoices of `series` are numbered in: `F2026` → `RF2026`. */
export function rectifyingSeries(series: string): string {
  return RECTIFYING_SERIES_PREFIX + assertSeries(series);
}

/**
 * For auditors: the numbers missing between 1 and the highest, and those used more than once.
 * A healthy series has neither.
 */
export function numberingProblems(numbers: readonly number[]) {
  const seen = new Set<number>();
  const duplicates = new Set<number>();
  for (const number of numbers) (seen.has(number) ? duplicates : seen).add(number);
  const highest = [...seen].reduce((high, number) => Math.max(high, number), 0);
  const missing: number[] = [];
  for (let number = 1; number <= highest; number++) if (!seen.has(number)) missing.push(number);
  return { missing, duplicates: [...duplicates].sort((a, b) => a - b) };
}

/**
 * THE rule for an invoice series, checked where one is set (the billing settings) and where an
 * invoice is drafted or numbered: letters and digits (and _ or /), at most
 * `MAX_INVOICE_SERIES_LENGTH`, and never starting with `R` or `r` — rule R8 gives credit notes
 * the series `R` + the invoice series, so an invoice series starting with R could be another
 * series' rectifying one (`RQE585` is where `QE585`'s credit notes go). `null` when it is fine.
 */
export function invoiceSeriesProblem(
  series: unknown,
  field = 'invoiceSeries',
): RefusalReason | null {
  if (
    typeof series !== 'string' ||
    !SERIES.test(series) ||
    series.length > MAX_INVOICE_SERIES_LENGTH
  )
    return {
      code: BillingRefusal.invalidSeries,
      field,
      message: `An invoice series is 1 to ${MAX_INVOICE_SERIES_LENGTH} letters and digits (and _ or /), like F2026; got ${JSON.stringify(series)}.`,
    };
  if (series[0].toUpperCase() === RECTIFYING_SERIES_PREFIX)
    return {
      code: BillingRefusal.invoiceNumbering,
      field,
      message: `An invoice series cannot start with "${RECTIFYING_SERIES_PREFIX}": credit notes are numbered in "${RECTIFYING_SERIES_PREFIX}" + the invoice series (rule R8), so "${series}" could be the rectifying series of "${series.slice(1)}". Choose another series.`,
    };
  return null;
}

/** Throws the refusal of `invoiceSeriesProblem`; answers the series when it is fine. */
export function assertInvoiceSeries(series: string, field = 'invoiceSeries'): string {
  const problem = invoiceSeriesProblem(series, field);
  if (problem !== null)
    throw billingRefusal(problem.code as BillingRefusal, problem.message, field);
  return series;
}

function assertSeries(series: string): string {
  if (typeof series !== 'string' || !SERIES.test(series))
    throw billingRefusal(
      BillingRefusal.invalidSeries,
      `An invoice series is letters and digits (and _ or /), like F2026; got "${series}".`,
      'invoiceSeries',
    );
  return series;
}
