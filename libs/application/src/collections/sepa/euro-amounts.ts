/**
 * Amounts in a SEPA file are euros with two decimals. They are written from integer cents
 * with integer (BigInt) arithmetic, so no floating-point drift can creep into an amount or a
 * control sum: 1 cent is "0.01", 10^10 cents "100000000.00", and a sum of many maxima stays
 * exact past `Number.MAX_SAFE_INTEGER`.
 */

/** `1234` → `"12.34"`. Negative cents are not amounts of a direct debit; callers check first. */
export function centsToEuroText(cents: number | bigint): string {
  const value = BigInt(cents);
  if (value < 0n) throw new RangeError(`an amount in a SEPA file cannot be negative: ${value}`);
  const euros = value / 100n;
  const remainder = value % 100n;
  return `${euros}.${remainder.toString().padStart(2, '0')}`;
}

/** The exact sum of whole-cent amounts. */
export function sumOfCents(amounts: readonly number[]): bigint {
  return amounts.reduce((sum, amount) => sum + BigInt(amount), 0n);
}
