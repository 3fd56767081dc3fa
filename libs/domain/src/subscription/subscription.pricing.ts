import { StatusChange, SubscriptionState } from './subscription.state';
import { Discount, ExtraCharge, TariffPeriod } from './subscription.terms';

/** Rule R5: only `active` is invoiced; `active-not-billable` keeps the service on for free. */
export const isBillable = (state: SubscriptionState): boolean => state.status === 'active';

/**
 * The tariffs and monthly prices to price a period with (rule R10), oldest first, each in
 * effect from its `effectiveFrom` day until the next one's. The first starts on the activation
 * day (the request day until activated). Effective days strictly increase: a migration on the
 * current tariff's own first day replaces it. Empty for a subscription never requested.
 */
export const tariffTimeline = (state: SubscriptionState): readonly TariffPeriod[] =>
  state.status === 'none' ? [] : state.tariffs;

/**
 * Every status the subscription entered and when, oldest first, for billing to tell the
 * billable days (only `active` ones) of a period. Empty for a subscription never requested.
 */
export const statusTimeline = (state: SubscriptionState): readonly StatusChange[] =>
  state.status === 'none' ? [] : state.statusHistory;

/** The latest tariff (possibly effective in the future), or `null` if never requested. */
export function currentTariffOf(state: SubscriptionState): TariffPeriod | null {
  const timeline = tariffTimeline(state);
  return timeline.length === 0 ? null : timeline[timeline.length - 1];
}

/** The tariff in effect on a calendar day (`YYYY-MM-DD`), or `null` before the first. */
export function tariffOn(state: SubscriptionState, day: string): TariffPeriod | null {
  const inEffect = tariffTimeline(state).filter((period) => period.effectiveFrom <= day);
  return inEffect.length === 0 ? null : inEffect[inEffect.length - 1];
}

/** Discounts ("bonificaciones") in the order granted. */
export const discountsOf = (state: SubscriptionState): readonly Discount[] =>
  state.status === 'none' ? [] : state.discounts;

/** Extra charges ("importes adicionales") in the order added. */
export const extraChargesOf = (state: SubscriptionState): readonly ExtraCharge[] =>
  state.status === 'none' ? [] : state.extraCharges;
