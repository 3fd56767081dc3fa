/**
 * Plain calendar dates, `YYYY-MM-DD`, with no time of day and no zone: billing counts days,
 * and a day is the same day for every reader once it has been written down. The tenant's time
 * zone matters only when an instant (an event's `occurredAt`) becomes a date: `dateInZone`.
 *
 * Every range in the billing library is half-open, `[from, to)`: the first day is in, the
 * last is out, so adjacent ranges share a boundary and never a day.
 */
export type PlainDate = string;

/** A half-open range of days, `[from, to)`. */
export interface PlainDateRange {
  from: PlainDate;
  to: PlainDate;
}

/** The tenant zone DOMAIN.md names as the default. */
export const DEFAULT_TIME_ZONE = 'Europe/Madrid';

const MS_PER_DAY = 86_400_000;
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isPlainDate(value: unknown): value is PlainDate {
  return typeof value === 'string' && dayNumberOf(value) !== undefined;
}

export function assertPlainDate(value: string, what = 'date'): PlainDate {
  if (!isPlainDate(value)) throw new RangeError(`${what} must be a date YYYY-MM-DD, got ${value}`);
  return value;
}

/** Days since 1970-01-01: the one number every other calculation here is done on. */
export function epochDay(date: PlainDate): number {
  return dayNumberOf(assertPlainDate(date)) as number;
}

/**
 * Dates already read, with their day number: billing reads the same few hundred dates over and
 * over (a simulation of every customer read them millions of times), and parsing was most of
 * its time. Bounded: emptied when it reaches `KNOWN_DAYS_LIMIT` dates.
 */
const knownDays = new Map<string, number>();
const KNOWN_DAYS_LIMIT = 50_000;

/** The day number of a valid `YYYY-MM-DD` date, or `undefined` if it is not one. */
function dayNumberOf(value: string): number | undefined {
  const known = knownDays.get(value);
  if (known !== undefined) return known;
  const match = PLAIN_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return undefined;
  if (knownDays.size >= KNOWN_DAYS_LIMIT) knownDays.clear();
  knownDays.set(value, ms / MS_PER_DAY);
  return ms / MS_PER_DAY;
}

export function fromEpochDay(day: number): PlainDate {
  if (!Number.isSafeInteger(day)) throw new RangeError(`A day number must be whole, got ${day}`);
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `to − from` in days: positive when `to` is later, 0 for the same day. */
export function daysBetween(from: PlainDate, to: PlainDate): number {
  return epochDay(to) - epochDay(from);
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return fromEpochDay(epochDay(date) + days);
}

/** The same day of the month `months` later; the day must exist there (billing days are 1–28). */
export function addMonths(date: PlainDate, months: number): PlainDate {
  const [year, monthIndex, day] = ymd(assertPlainDate(date));
  const total = year * 12 + monthIndex + months;
  const shiftedYear = Math.floor(total / 12);
  const shiftedMonth = total - shiftedYear * 12;
  // Counted in plain numbers (this runs for every cycle of every contract a simulation
  // prices); a `Date` still answers for years outside 1000–9999 and for fractional months.
  if (!Number.isInteger(months) || shiftedYear < 1000 || shiftedYear > 9999)
    return addMonthsByDate(date, year, monthIndex, day, months);
  if (day > daysInMonth(shiftedYear, shiftedMonth))
    throw new RangeError(`${date} plus ${months} month(s) has no day ${day}`);
  return `${shiftedYear}-${twoDigits(shiftedMonth + 1)}-${twoDigits(day)}`;
}

function addMonthsByDate(
  date: PlainDate,
  year: number,
  monthIndex: number,
  day: number,
  months: number,
): PlainDate {
  const shifted = new Date(Date.UTC(year, monthIndex + months, day));
  if (shifted.getUTCDate() !== day)
    throw new RangeError(`${date} plus ${months} month(s) has no day ${day}`);
  return shifted.toISOString().slice(0, 10);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, monthIndex: number): number {
  if (monthIndex !== 1) return DAYS_IN_MONTH[monthIndex];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return leap ? 29 : 28;
}

const twoDigits = (value: number): string => (value < 10 ? `0${value}` : `${value}`);

export const earliest = (a: PlainDate, b: PlainDate): PlainDate => (a <= b ? a : b);
export const latest = (a: PlainDate, b: PlainDate): PlainDate => (a >= b ? a : b);

/** Days in a half-open range; 0 when it is empty or reversed. */
export function daysIn(range: PlainDateRange): number {
  return Math.max(0, daysBetween(range.from, range.to));
}

/** The days two ranges share, or `null` when they share none. */
export function overlap(a: PlainDateRange, b: PlainDateRange): PlainDateRange | null {
  const from = latest(a.from, b.from);
  const to = earliest(a.to, b.to);
  return from < to ? { from, to } : null;
}

export const containsDate = (range: PlainDateRange, date: PlainDate): boolean =>
  range.from <= date && date < range.to;

/**
 * The calendar date an instant falls on in a time zone: `2026-03-31T22:30:00Z` is
 * `2026-04-01` in Madrid (summer time, UTC+2). Uses Intl, so any IANA zone works.
 */
export function dateInZone(instantIso: string, timeZone: string = DEFAULT_TIME_ZONE): PlainDate {
  const instant = new Date(instantIso);
  if (Number.isNaN(instant.getTime()))
    throw new RangeError(`Not an ISO-8601 instant: ${instantIso}`);
  const parts = dayFormatIn(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  return assertPlainDate(`${part('year')}-${part('month')}-${part('day')}`, 'dateInZone result');
}

/**
 * The first instant of a calendar day in a time zone: `2026-07-01` starts at
 * `2026-06-30T22:00:00.000Z` in Madrid (summer time). Zones with whole- or half-hour offsets
 * between UTC−12 and UTC+14 are found to the quarter hour.
 */
export function startOfDayInZone(day: PlainDate, timeZone: string = DEFAULT_TIME_ZONE): string {
  const midnightUtc = Date.parse(`${assertPlainDate(day, 'day')}T00:00:00Z`);
  for (let minutes = 14 * 60; minutes >= -12 * 60; minutes -= 15) {
    const instant = new Date(midnightUtc - minutes * 60_000).toISOString();
    if (dateInZone(instant, timeZone) === day) return instant;
  }
  throw new RangeError(`No start of day for ${day} in ${timeZone}`);
}

/**
 * One `Intl.DateTimeFormat` per zone, built once: building one costs far more than formatting
 * with it (it was most of the cycle simulation's time). Formatting has no state, so sharing
 * them keeps `dateInZone` a pure function.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormatIn(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** Year, month index (0–11) and day of a date already checked to be `YYYY-MM-DD`. */
function ymd(date: PlainDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))];
}
