/**
 * An amount in cents written as euros with two decimals and a point, as the sends and the
 * history tab show it: `123456` → `1234.56`, `-5` → `-0.05`. Integer arithmetic, so amounts
 * past 2^53 / 100 lose no cent to floating point.
 */
export function eurosOf(cents: number | bigint): string {
  const value = BigInt(cents);
  const sign = value < 0n ? '-' : '';
  const magnitude = value < 0n ? -value : value;
  return `${sign}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, '0')}`;
}
