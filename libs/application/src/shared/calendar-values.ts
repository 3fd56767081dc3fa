/**
 * Strict ISO-8601 dates for every date the API takes: a day that exists in its month, a month
 * 01–12, a year the business can mean. Shape-only patterns let `2026-02-30` or `0000-01`
 * through to the domain, whose calendar arithmetic then threw: a 500 instead of a 400.
 */

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))?)?$/;

const between = (value: string | undefined, min: number, max: number) =>
  value === undefined || (Number(value) >= min && Number(value) <= max);

function isRealDay(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  if (!between(year, MIN_YEAR, MAX_YEAR) || !between(month, 1, 12)) return false;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return between(day, 1, daysInMonth);
}

/** `YYYY-MM-DD`, a day that exists. */
export function isCalendarDay(value: unknown): value is string {
  const match = typeof value === 'string' ? DAY.exec(value) : null;
  return match !== null && isRealDay(match[1], match[2], match[3]);
}

/** `YYYY-MM`, month 01–12. */
export function isYearMonth(value: unknown): value is string {
  const match = typeof value === 'string' ? MONTH.exec(value) : null;
  return match !== null && between(match[1], MIN_YEAR, MAX_YEAR) && between(match[2], 1, 12);
}

/** A calendar day, or one with a time `THH:MM[:SS[.fraction]]` and an optional `Z`/`±HH:MM`. */
export function isInstant(value: unknown): value is string {
  const match = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (match === null || !isRealDay(match[1], match[2], match[3])) return false;
  const [hours, minutes, seconds, offsetHours, offsetMinutes] = match.slice(4);
  return (
    between(hours, 0, 23) &&
    between(minutes, 0, 59) &&
    between(seconds, 0, 59) &&
    between(offsetHours, 0, 23) &&
    between(offsetMinutes, 0, 59) &&
    Number.isFinite(Date.parse(match[0]))
  );
}
