import type { SuspendedBy } from '../subscription.events';

/**
 * SubscriptionSuspended as schema version 1 stored it: no `suspendedBy`. Frozen — the log holds
 * events of this shape forever, so this type never changes with the current event.
 */
export interface SubscriptionSuspendedV1Data {
  subscriptionId: string;
  contractId: string;
  customerId: string;
  reason: string;
  suspendedAt: string;
}

export type SubscriptionSuspendedV2Data = SubscriptionSuspendedV1Data & {
  suspendedBy: SuspendedBy;
};

/**
 * v1 → v2: before rule R20 only operators suspended subscriptions, so every v1 suspension was an
 * operator's — and the dunning run never resumes it. Pure, total.
 */
export function upcastSubscriptionSuspendedV1(
  data: SubscriptionSuspendedV1Data,
): SubscriptionSuspendedV2Data {
  return { ...data, suspendedBy: 'operator' };
}
