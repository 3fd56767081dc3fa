import { Cents, assertCents, prorateCents } from '../values/money';
import { PlainDate, daysBetween, earliest, latest } from './billing.calendar';
import { CycleDates, assertCycleDates, daysInCycle } from './billing.cycles';

/**
 * Daily proration of a monthly price over `[from, to)` within `cycle` (clamped to the cycle).
 *
 * It rounds the running total, not each piece: the charge for `[from, to)` is
 * `R(to) − R(from)`, where `R(day) = price × (days from the cycle start to day) / days in cycle`
 * rounded half away from zero. So:
 * - a full cycle is the full price, exactly;
 * - a range starting at the cycle start is `price × days / daysInCycle` rounded half away from
 *   zero — the textbook formula;
 * - any split of a range into adjacent pieces sums EXACTLY to the range's charge (no cent is
 *   lost or made up however many tariff changes, suspensions or credits cut it);
 * - every piece is the exact share rounded down or up, never further (|error| < 1 cent).
 * That is what lets a migration credit give back exactly what the old tariff over-charged.
 */
export function prorate(
  monthlyPriceCents: Cents,
  from: PlainDate,
  to: PlainDate,
  cycle: CycleDates,
): Cents {
  assertCents(monthlyPriceCents, 'monthly price');
  assertCycleDates(cycle);
  const start = latest(from, cycle.start);
  const end = earliest(to, cycle.end);
  if (start >= end) return 0;
  return (
    runningTotal(monthlyPriceCents, end, cycle) - runningTotal(monthlyPriceCents, start, cycle)
  );
}

/** What `monthlyPriceCents` charges from the cycle start up to `day`, rounded. */
function runningTotal(monthlyPriceCents: Cents, day: PlainDate, cycle: CycleDates): Cents {
  return prorateCents(monthlyPriceCents, daysBetween(cycle.start, day), daysInCycle(cycle));
}
