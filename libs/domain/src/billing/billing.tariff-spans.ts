import { assertCents } from '../values/money';
import { PlainDate, PlainDateRange, assertPlainDate } from './billing.calendar';
import { CycleDates } from './billing.cycles';
import { PricingStatusChange, PricingSubscription, PricingTariff } from './billing.pricing-input';

/** Consecutive days of a charged period in which the subscription was active on one tariff. */
export interface TariffSpan extends PlainDateRange {
  tariff: PricingTariff;
}

/**
 * Cuts the charged period wherever the status or the tariff changes and keeps the days the
 * subscription was `active` (rule R5), or suspended for debt while that is billed (rule 20,
 * `billed`), with a tariff in force, one span per run of days on the
 * same tariff. A suspension in the middle of a cycle gives two spans on the same tariff.
 */
export function tariffSpans(
  subscription: Pick<PricingSubscription, 'statusTimeline' | 'tariffTimeline'>,
  period: CycleDates,
): TariffSpan[] {
  const statuses = chronological(subscription.statusTimeline, (change) => change.from);
  const tariffs = chronological(subscription.tariffTimeline, (tariff) => tariff.effectiveFrom);
  tariffs.forEach((tariff) => {
    assertCents(tariff.monthlyPriceCents, `monthly price of ${tariff.tariff}`);
    if (tariff.monthlyPriceCents < 0)
      throw new RangeError(
        `The monthly price of ${tariff.tariff} is negative (${tariff.monthlyPriceCents}); a price is 0 or more`,
      );
  });

  const cuts = new Set<PlainDate>([period.start, period.end]);
  for (const change of statuses) if (inside(change.from, period)) cuts.add(change.from);
  for (const tariff of tariffs)
    if (inside(tariff.effectiveFrom, period)) cuts.add(tariff.effectiveFrom);
  const boundaries = [...cuts].sort();

  const spans: TariffSpan[] = [];
  for (let index = 0; index + 1 < boundaries.length; index++) {
    const [from, to] = [boundaries[index], boundaries[index + 1]];
    const status = inForce(statuses, from, (change: PricingStatusChange) => change.from);
    const tariff = inForce(tariffs, from, (entry: PricingTariff) => entry.effectiveFrom);
    const billed = status?.billed ?? status?.status === 'active';
    if (!billed || !tariff) continue;
    const last = spans[spans.length - 1];
    if (last && last.to === from && last.tariff === tariff) last.to = to;
    else spans.push({ from, to, tariff });
  }
  return spans;
}

/** Sorted by date; entries on the same day keep their order, so the later one wins. */
function chronological<T>(entries: readonly T[], dateOf: (entry: T) => PlainDate): T[] {
  entries.forEach((entry) => assertPlainDate(dateOf(entry)));
  return [...entries].sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : 0));
}

/** The last entry that started on or before `day`. */
function inForce<T>(sorted: readonly T[], day: PlainDate, dateOf: (entry: T) => PlainDate) {
  let found: T | undefined;
  for (const entry of sorted) {
    if (dateOf(entry) > day) break;
    found = entry;
  }
  return found;
}

const inside = (day: PlainDate, period: CycleDates) => period.start < day && day < period.end;
