import { MAX_BILLING_DAY, MIN_BILLING_DAY } from '../customer/customer.billing';
import {
  PlainDate,
  PlainDateRange,
  addMonths,
  assertPlainDate,
  daysBetween,
  epochDay,
} from './billing.calendar';

/** A billing period, `YYYY-MM`, as `POST /billing/runs` takes it. */
export type YearMonth = string;

/** The days of one cycle, half-open `[start, end)`: the unit a monthly price is charged for. */
export interface CycleDates {
  start: PlainDate;
  end: PlainDate;
}

/**
 * One billing cycle (rule R11): for period `P` and billing day `d` it runs from day `d` of `P`
 * up to, not including, day `d` of the next month. Its invoice is issued for that period.
 */
export interface BillingCycle extends CycleDates {
  period: YearMonth;
  billingDay: number;
}

/** Advance: the invoice of cycle C charges C itself. Arrears: it charges the cycle before C. */
export type PricingBillingMode = 'advance' | 'arrears';

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function assertYearMonth(value: string): YearMonth {
  if (!YEAR_MONTH.exec(value)) throw new RangeError(`A period must be YYYY-MM, got ${value}`);
  return value;
}

export function assertBillingDay(day: number): number {
  if (!Number.isInteger(day) || day < MIN_BILLING_DAY || day > MAX_BILLING_DAY)
    throw new RangeError(
      `A billing day is a whole day from ${MIN_BILLING_DAY} to ${MAX_BILLING_DAY}, got ${day}`,
    );
  return day;
}

/** The cycle of `period` for a customer whose billing day is `billingDay`. */
export function billingPeriod(period: YearMonth, billingDay: number): BillingCycle {
  assertYearMonth(period);
  assertBillingDay(billingDay);
  const start = `${period}-${String(billingDay).padStart(2, '0')}`;
  return { period, billingDay, start, end: addMonths(start, 1) };
}

/** The cycle a day belongs to. */
export function cycleContaining(date: PlainDate, billingDay: number): BillingCycle {
  assertPlainDate(date);
  assertBillingDay(billingDay);
  const sameMonth = billingPeriod(date.slice(0, 7), billingDay);
  return date >= sameMonth.start ? sameMonth : cycleBefore(sameMonth);
}

/** The `count` cycles that start on or after `from`: the next invoices a run would issue. */
export function nextCycles(from: PlainDate, billingDay: number, count: number): BillingCycle[] {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`A number of cycles must be a whole number ≥ 0, got ${count}`);
  const containing = cycleContaining(from, billingDay);
  let cycle = containing.start === from ? containing : cycleAfter(containing);
  const cycles: BillingCycle[] = [];
  for (let index = 0; index < count; index++) {
    cycles.push(cycle);
    cycle = cycleAfter(cycle);
  }
  return cycles;
}

export const cycleAfter = (cycle: BillingCycle): BillingCycle =>
  shiftCycle(cycle.start, cycle.billingDay, 1);

export const cycleBefore = (cycle: BillingCycle): BillingCycle =>
  shiftCycle(cycle.start, cycle.billingDay, -1);

export const daysInCycle = (cycle: CycleDates): number => daysBetween(cycle.start, cycle.end);

/**
 * The days an invoice of `cycle` charges a subscription for: the cycle itself when billed in
 * advance, the one before it when billed in arrears. `previous` overrides the cycle before, for
 * the one cycle after a customer's billing day changed.
 */
export function chargedPeriod(
  cycle: BillingCycle,
  mode: PricingBillingMode,
  previous: CycleDates = cycleBefore(cycle),
): CycleDates {
  const charged = mode === 'advance' ? cycle : previous;
  return { start: charged.start, end: charged.end };
}

export const cycleAsRange = (cycle: CycleDates): PlainDateRange => ({
  from: cycle.start,
  to: cycle.end,
});

/** Throws unless `[start, end)` holds at least one day. */
export function assertCycleDates(cycle: CycleDates, what = 'cycle'): CycleDates {
  assertPlainDate(cycle.start, `${what} start`);
  assertPlainDate(cycle.end, `${what} end`);
  if (epochDay(cycle.end) <= epochDay(cycle.start))
    throw new RangeError(`A ${what} must end after it starts, got [${cycle.start}, ${cycle.end})`);
  return cycle;
}

function shiftCycle(start: PlainDate, billingDay: number, months: number): BillingCycle {
  const shiftedStart = addMonths(start, months);
  return billingPeriod(shiftedStart.slice(0, 7), billingDay);
}
