/**
 * ISO-8601 dates as the domain receives them: a calendar date (`2025-03-01`) for things that
 * happen on a day (effective dates, discount periods), or a date and time with its offset
 * (`2025-03-01T10:30:00.000Z`) for instants. The domain has no time zone: the application
 * passes calendar dates already in the tenant's zone (DOMAIN.md: Europe/Madrid by default).
 */
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** A real calendar day written `YYYY-MM-DD` (no 2025-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** A calendar date, or a date and time with `Z` or an offset. */
export function isIsoDateOrDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (isCalendarDate(value)) return true;
  const match = DATE_TIME.exec(value);
  return match !== null && isCalendarDate(match[1]);
}

/**
 * The calendar date an ISO date or date-time names, as written (`2025-03-01T23:30:00+01:00`
 * is the 1st). Callers that need the tenant's day pass a date-time in the tenant's offset.
 */
export const calendarDateOf = (iso: string): string => iso.slice(0, 10);
