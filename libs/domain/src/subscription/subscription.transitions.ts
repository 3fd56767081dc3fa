import { DomainError } from '../shared/domain-error';
import { RuleCode } from '../shared/rule-codes';
import { SubscriptionCommandType } from './subscription.commands';
import { SubscriptionRefusal } from './subscription.errors';
import {
  isFinalSubscriptionStatus,
  RequestedSubscription,
  SubscriptionStatus,
} from './subscription.state';

/** Every command but the request acts on an existing subscription. */
export type SubscriptionChangeType = Exclude<SubscriptionCommandType, 'RequestSubscription'>;

const NOT_FINAL = ['pending-activation', 'active', 'active-not-billable', 'suspended'] as const;

/**
 * Rule R5, as a table: the states each command is allowed from. pending-activation → active |
 * rejected; active ↔ active-not-billable; active ↔ suspended; any non-final → cancelled.
 * Tariffs migrate only on a live service; discounts and extra charges may be set up from the
 * request on (a sale often comes with them), never on a final subscription.
 */
export const SUBSCRIPTION_TRANSITIONS = {
  ActivateSubscription: ['pending-activation'],
  RejectSubscription: ['pending-activation'],
  MoveSubscriptionToActiveNotBillable: ['active'],
  MoveSubscriptionToActiveBillable: ['active-not-billable'],
  SuspendSubscription: ['active'],
  ResumeSubscription: ['suspended'],
  CancelSubscription: NOT_FINAL,
  MigrateSubscriptionTariff: ['active', 'active-not-billable', 'suspended'],
  GrantDiscount: NOT_FINAL,
  AddExtraCharge: NOT_FINAL,
} as const satisfies Record<SubscriptionChangeType, readonly SubscriptionStatus[]>;

type AllowedFrom<C extends SubscriptionChangeType> = (typeof SUBSCRIPTION_TRANSITIONS)[C][number];

export const isSubscriptionChangeAllowed = (
  command: SubscriptionChangeType,
  status: SubscriptionStatus,
) => (SUBSCRIPTION_TRANSITIONS[command] as readonly SubscriptionStatus[]).includes(status);

/** The subscription, narrowed to the states the command is allowed from, or an R5 refusal. */
export function inAllowedState<C extends SubscriptionChangeType>(
  subscription: RequestedSubscription,
  command: C,
): Extract<RequestedSubscription, { status: AllowedFrom<C> }> {
  if (!isSubscriptionChangeAllowed(command, subscription.status))
    throw illegalTransition(subscription, command);
  return subscription as Extract<RequestedSubscription, { status: AllowedFrom<C> }>;
}

const SUBJECT: Record<SubscriptionStatus, string> = {
  'pending-activation': 'A subscription pending activation',
  active: 'An active subscription',
  'active-not-billable': 'An active-not-billable subscription',
  suspended: 'A suspended subscription',
  rejected: 'A rejected subscription',
  cancelled: 'A cancelled subscription',
};

const DONE: Record<SubscriptionChangeType, string> = {
  ActivateSubscription: 'activated',
  RejectSubscription: 'rejected',
  MoveSubscriptionToActiveNotBillable: 'moved to active-not-billable',
  MoveSubscriptionToActiveBillable: 'moved back to active (billable)',
  SuspendSubscription: 'suspended',
  ResumeSubscription: 'resumed',
  CancelSubscription: 'cancelled',
  MigrateSubscriptionTariff: 'migrated to another tariff',
  GrantDiscount: 'granted a discount',
  AddExtraCharge: 'given an extra charge',
};

/** What can be done from a state, for messages: "activated, rejected or cancelled". */
export function subscriptionChangesFrom(status: SubscriptionStatus): SubscriptionChangeType[] {
  return (Object.keys(SUBSCRIPTION_TRANSITIONS) as SubscriptionChangeType[]).filter((command) =>
    isSubscriptionChangeAllowed(command, status),
  );
}

/** "A rejected subscription cannot be activated (…)", naming the state and what it allows. */
export function illegalTransition(
  subscription: RequestedSubscription,
  command: SubscriptionChangeType,
): DomainError {
  const { status, subscriptionId } = subscription;
  const why = isFinalSubscriptionStatus(status)
    ? `subscription ${subscriptionId} is ${status}, which is final; request a new subscription instead`
    : `subscription ${subscriptionId} is ${status}; from there it can only be ${orList(
        subscriptionChangesFrom(status).map((allowed) => DONE[allowed]),
      )}`;
  return new DomainError(
    SubscriptionRefusal.illegalTransition,
    `${SUBJECT[status]} cannot be ${DONE[command]} (${why}; rule ${RuleCode.subscriptionStates}).`,
  );
}

const orList = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
