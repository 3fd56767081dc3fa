import type { SuspendedBy } from './subscription.events';
import { BillingMode, Discount, ExtraCharge, TariffPeriod } from './subscription.terms';

/** What every requested subscription holds, whatever its state. */
export interface SubscriptionRecord {
  subscriptionId: string;
  contractId: string;
  customerId: string;
  billingMode: BillingMode;
  requestedAt: string;
  /** Every status it has been in and when, oldest first (see `statusTimeline`). */
  statusHistory: StatusChange[];
  /** Oldest first, never empty; the last entry is the current tariff (see `tariffTimeline`). */
  tariffs: TariffPeriod[];
  /** Tariff migrations so far: the next one is number `migrations + 1`. */
  migrations: number;
  discounts: Discount[];
  extraCharges: ExtraCharge[];
}

export type NoSubscription = { status: 'none' };
export type PendingActivationSubscription = { status: 'pending-activation' } & SubscriptionRecord;
export type ActiveSubscription = { status: 'active'; activatedAt: string } & SubscriptionRecord;
/** "Activo no facturable": the service is on and nothing is invoiced. */
export type ActiveNotBillableSubscription = {
  status: 'active-not-billable';
  activatedAt: string;
  notBillableSince: string;
  notBillableReason: string | null;
} & SubscriptionRecord;
export type SuspendedSubscription = {
  status: 'suspended';
  activatedAt: string;
  suspendedAt: string;
  suspensionReason: string;
  suspendedBy: SuspendedBy;
} & SubscriptionRecord;
export type RejectedSubscription = {
  status: 'rejected';
  rejectedAt: string;
  rejectionReason: string;
} & SubscriptionRecord;
/** `activatedAt` is `null` when it was cancelled while still pending activation. */
export type CancelledSubscription = {
  status: 'cancelled';
  activatedAt: string | null;
  cancelledAt: string;
  cancellationReason: string | null;
} & SubscriptionRecord;

export type RequestedSubscription =
  | PendingActivationSubscription
  | ActiveSubscription
  | ActiveNotBillableSubscription
  | SuspendedSubscription
  | RejectedSubscription
  | CancelledSubscription;

export type SubscriptionState = NoSubscription | RequestedSubscription;

export type SubscriptionStatus = RequestedSubscription['status'];

/**
 * The subscription entered `status` at `at`: the date or date-time its event recorded (the
 * business date given for requests, activations and cancellations; the command's instant for
 * the others). Billing turns instants into the tenant's days.
 */
export interface StatusChange {
  status: SubscriptionStatus;
  at: string;
  /** Who suspended it, on a suspension: the system suspends for debt (rule 20). */
  by?: 'operator' | 'system';
}

export const initialSubscriptionState: SubscriptionState = { status: 'none' };

/** Rule R5: rejected and cancelled are final; nothing leaves them. */
export const FINAL_SUBSCRIPTION_STATUSES = ['rejected', 'cancelled'] as const;
export const SUBSCRIPTION_STATUSES: readonly SubscriptionStatus[] = [
  'pending-activation',
  'active',
  'active-not-billable',
  'suspended',
  'rejected',
  'cancelled',
];

export const isFinalSubscriptionStatus = (status: SubscriptionStatus): boolean =>
  (FINAL_SUBSCRIPTION_STATUSES as readonly string[]).includes(status);

/** The fields every state shares, to carry over when the status changes. */
export function subscriptionRecordOf(subscription: RequestedSubscription): SubscriptionRecord {
  const { subscriptionId, contractId, customerId, billingMode, requestedAt } = subscription;
  const { statusHistory, tariffs, migrations, discounts, extraCharges } = subscription;
  return {
    subscriptionId,
    contractId,
    customerId,
    billingMode,
    requestedAt,
    statusHistory,
    tariffs,
    migrations,
    discounts,
    extraCharges,
  };
}
