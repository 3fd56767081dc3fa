import { SubscriptionState } from './subscription.state';

/** Rule R6: a subscription in one of these states, bare, does not stop its customer's deletion. */
const DELETABLE_STATUSES: readonly string[] = ['rejected', 'pending-activation'];

/** Rule R6: a state other than rejected or pending activation, or any discount or extra charge. */
export const isLiveForDeletion = (state: SubscriptionState): boolean =>
  state.status !== 'none' && !DELETABLE_STATUSES.includes(state.status);

export const hasDiscountsOrExtraCharges = (state: SubscriptionState): boolean =>
  state.status !== 'none' && (state.discounts.length > 0 || state.extraCharges.length > 0);

/**
 * Rule R6: whether this subscription stops its customer from being deleted. A cancelled
 * subscription does: it was live once, and what it was invoiced is a record to keep.
 */
export const blocksCustomerDeletion = (state: SubscriptionState): boolean =>
  isLiveForDeletion(state) || hasDiscountsOrExtraCharges(state);

/** The subscription part of `CustomerDeletionFacts`, from the states of a customer's subscriptions. */
export function subscriptionDeletionFacts(states: readonly SubscriptionState[]) {
  return {
    liveSubscriptions: states.filter(isLiveForDeletion).length,
    subscriptionsWithDiscountsOrExtraCharges: states.filter(hasDiscountsOrExtraCharges).length,
  };
}
