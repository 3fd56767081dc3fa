/**
 * Money is integer cents (EUR unless said otherwise), never floating point. Every division
 * rounds half away from zero, as rule R11 asks for taxes, and is done in integer arithmetic
 * so 0.5 boundaries are exact.
 */
export type Cents = number;

export const isCents = (value: unknown): value is Cents =>
  typeof value === 'number' && Number.isSafeInteger(value);

/**
 * The largest amount anything may be, in cents: 10,000,000,000 (100 million euros). It bounds
 * every price, discount, extra charge, payment, credit note and direct-debit effect, so every
 * total stays a safe integer: an invoice holds at most `MAX_INVOICE_LINES` lines, each at most
 * this amount net and as much again in VAT (rates go up to 100 %), so its total is at most
 * 2 × 10^10 × 10^4 = 2 × 10^14 cents, far below `Number.MAX_SAFE_INTEGER` (≈ 9 × 10^15).
 */
export const MAX_AMOUNT_CENTS = 10_000_000_000;

/** The most lines one invoice or credit note may carry (see `MAX_AMOUNT_CENTS`). */
export const MAX_INVOICE_LINES = 10_000;

/** The code of a refusal of an amount above `MAX_AMOUNT_CENTS`. */
export const MONEY_ABOVE_MAXIMUM = 'MONEY.ABOVE_MAXIMUM';

/** Whole cents whose size is at most `MAX_AMOUNT_CENTS` (either sign). */
export const isWithinMaximum = (value: unknown): value is Cents =>
  isCents(value) && Math.abs(value) <= MAX_AMOUNT_CENTS;

/** `what must be at most 100000000.00 EUR`: the message of an amount above the maximum. */
export const aboveMaximumMessage = (what: string, value: unknown): string =>
  `${what} must be at most ${MAX_AMOUNT_CENTS} cents (${describeCents(MAX_AMOUNT_CENTS)}), got ${String(value)}.`;

export function assertCents(value: number, what = 'amount'): Cents {
  if (!isCents(value))
    throw new RangeError(`${what} must be a whole number of cents, got ${value}`);
  return value;
}

export function sumCents(amounts: readonly Cents[]): Cents {
  return amounts.reduce((total, amount) => total + assertCents(amount), 0);
}

/** `numerator / denominator` rounded half away from zero (2.5 → 3, −2.5 → −3). */
export function divideRoundingHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (n * 2n + d) / (d * 2n);
  return negative ? -rounded : rounded;
}

const BASIS_POINTS_PER_WHOLE = 10_000;
const MAX_EXACT_PRODUCT = (Number.MAX_SAFE_INTEGER - BASIS_POINTS_PER_WHOLE) / 2;

/**
 * A percentage of an amount (a tax, a discount), rounded half away from zero to the cent.
 * Percentages may carry up to two decimals (21, 10.5, 5.25).
 */
export function percentOfCents(amount: Cents, percent: number): Cents {
  const basisPoints = Math.round(percent * 100);
  if (Math.abs(basisPoints - percent * 100) > 1e-6)
    throw new RangeError(`A percentage has at most two decimals, got ${percent}`);
  const product = assertCents(amount) * basisPoints;
  // Exact in plain numbers while twice the product stays a safe integer (every real invoice
  // line); past that, in BigInt. Both round half away from zero.
  if (Math.abs(product) <= MAX_EXACT_PRODUCT) {
    const doubled = Math.abs(product) * 2 + BASIS_POINTS_PER_WHOLE;
    const rounded =
      (doubled - (doubled % (2 * BASIS_POINTS_PER_WHOLE))) / (2 * BASIS_POINTS_PER_WHOLE);
    return product < 0 ? 0 - rounded : rounded; // 0 - 0 is 0, not -0
  }
  const result = divideRoundingHalfAwayFromZero(
    BigInt(amount) * BigInt(basisPoints),
    BigInt(BASIS_POINTS_PER_WHOLE),
  );
  return Number(result);
}

/** The share `part / whole` of an amount, e.g. the unused days of a period (rule R10). */
export function prorateCents(amount: Cents, part: number, whole: number): Cents {
  if (!Number.isSafeInteger(part) || !Number.isSafeInteger(whole) || whole <= 0)
    throw new RangeError(
      `Proration needs whole numbers and a positive whole, got ${part}/${whole}`,
    );
  const result = divideRoundingHalfAwayFromZero(
    BigInt(assertCents(amount)) * BigInt(part),
    BigInt(whole),
  );
  return Number(result);
}

/** `1234` → `12.34 EUR`: for messages and logs, not for invoices (they format per locale). */
export function describeCents(amount: Cents, currency = 'EUR'): string {
  const sign = amount < 0 ? '-' : '';
  const absolute = Math.abs(assertCents(amount));
  const units = Math.floor(absolute / 100);
  const cents = String(absolute % 100).padStart(2, '0');
  return `${sign}${units}.${cents} ${currency}`;
}
