import { PlainDate } from '../billing/billing.calendar';

/** How often a renewable product renews: every `every` months or years. */
export const RENEWAL_UNITS = ['month', 'year'] as const;
export type RenewalUnit = (typeof RENEWAL_UNITS)[number];

export interface RenewalPeriod {
  every: number;
  unit: RenewalUnit;
}

/** The longest period taken: ten years (a domain name, a licence), written either way. */
export const MAX_RENEWAL_MONTHS = 120;
export const MAX_RENEWAL_EVERY: Record<RenewalUnit, number> = { month: 120, year: 10 };

/** The period in months, or `null` when it is not a whole number of 1…120 months. */
export function periodMonths(period: { every: unknown; unit: unknown }): number | null {
  const { every, unit } = period;
  if (unit !== 'month' && unit !== 'year') return null;
  if (typeof every !== 'number' || !Number.isSafeInteger(every) || every < 1) return null;
  const months = unit === 'year' ? every * 12 : every;
  return months <= MAX_RENEWAL_MONTHS ? months : null;
}

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, monthIndex: number): number {
  if (monthIndex !== 1) return DAYS_IN_MONTH[monthIndex];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return leap ? 29 : 28;
}

const two = (value: number) => String(value).padStart(2, '0');

/**
 * `months` calendar months after `date`, the day clamped to the end of a shorter month:
 * 31 Jan + 1 month is 28 Feb (29 in a leap year), 29 Feb + 12 months is 28 Feb.
 */
export function addMonthsClamped(date: PlainDate, months: number): PlainDate {
  const match = PLAIN_DATE.exec(date);
  if (!match || !Number.isSafeInteger(months))
    throw new RangeError(`addMonthsClamped(${date}, ${months}): not a date and whole months`);
  const total = Number(match[1]) * 12 + Number(match[2]) - 1 + months;
  const year = Math.floor(total / 12);
  const monthIndex = total - year * 12;
  const day = Math.min(Number(match[3]), daysInMonth(year, monthIndex));
  return `${String(year).padStart(4, '0')}-${two(monthIndex + 1)}-${two(day)}`;
}

/**
 * The `n`-th period boundary of a renewable bought on `purchasedOn`: always counted from the
 * purchase date, never from the previous (possibly clamped) boundary, so a product bought on
 * 31 Jan renews on 28 Feb, 31 Mar, 30 Apr… and not on the 28th for ever after February.
 */
export const periodBoundary = (purchasedOn: PlainDate, period: RenewalPeriod, n: number) =>
  addMonthsClamped(purchasedOn, n * (periodMonths(period) ?? Number.NaN));

/**
 * The next renewal date: the first period boundary after the last one renewed (the purchase
 * being boundary 0). Not the first one after today: a renewable nobody renewed stays due on
 * the boundary it missed, on the operator's to-do list until renewed or lapsed.
 */
export const nextRenewalOn = (
  purchasedOn: PlainDate,
  period: RenewalPeriod,
  periodsRenewed: number,
): PlainDate => periodBoundary(purchasedOn, period, periodsRenewed + 1);
