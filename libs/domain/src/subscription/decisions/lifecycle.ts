import { RefusalReason, refuseIfAny } from '../../shared/domain-error';
import {
  ActivateSubscription,
  CancelSubscription,
  MoveSubscriptionToActiveBillable,
  MoveSubscriptionToActiveNotBillable,
  RejectSubscription,
  ResumeSubscription,
  SuspendSubscription,
} from '../subscription.commands';
import {
  SubscriptionActivated,
  SubscriptionCancelled,
  SubscriptionMovedToActiveBillable,
  SubscriptionMovedToActiveNotBillable,
  SubscriptionRejected,
  SubscriptionResumed,
  SubscriptionSuspended,
  DEBT_SUSPENSION_REASON,
} from '../subscription.events';
import {
  ActiveNotBillableSubscription,
  ActiveSubscription,
  PendingActivationSubscription,
  RequestedSubscription,
  SuspendedSubscription,
} from '../subscription.state';
import { customerInactive, suspendedByOperator } from '../subscription.errors';
import { ofSubscription } from './of-subscription';
import { calendarDateOf } from '../../shared/iso-dates';
import { checkInstant, invalid, optionalText, requireText } from './subscription-inputs';

/*
 * The state changes of rule R5. The decider has already checked each is allowed from the
 * subscription's state (see SUBSCRIPTION_TRANSITIONS); what is left is checking the input.
 */

export function activateSubscription(
  command: ActivateSubscription,
  subscription: PendingActivationSubscription,
): SubscriptionActivated[] {
  if (command.data.customer?.status === 'inactive')
    throw customerInactive(subscription.customerId, 'activated');
  const problems: RefusalReason[] = [];
  const activatedAt = command.data.activatedAt ?? command.metadata.at;
  checkInstant(activatedAt, 'activatedAt', problems);
  // Billing reads the status timeline by date: an activation before the request would put
  // "pending" after "active" and silently stop the invoices.
  if (
    problems.length === 0 &&
    calendarDateOf(activatedAt) < calendarDateOf(subscription.requestedAt)
  ) {
    problems.push(
      invalid(
        'activatedAt',
        `A subscription cannot be activated (${activatedAt}) before it was requested (${subscription.requestedAt}).`,
      ),
    );
  }
  const signedAt = command.data.contract?.signedAt ?? null;
  if (
    problems.length === 0 &&
    signedAt !== null &&
    calendarDateOf(activatedAt) < calendarDateOf(signedAt)
  ) {
    problems.push(
      invalid(
        'activatedAt',
        `A subscription cannot be activated (${activatedAt}) before its contract was signed (${signedAt}).`,
      ),
    );
  }
  refuseIfAny(problems);
  return [
    { type: 'SubscriptionActivated', data: { ...ofSubscription(subscription), activatedAt } },
  ];
}

export function rejectSubscription(
  command: RejectSubscription,
  subscription: PendingActivationSubscription,
): SubscriptionRejected[] {
  const problems: RefusalReason[] = [];
  const reason = requireText(
    command.data.reason,
    'reason',
    'Say why the subscription is rejected.',
    problems,
  );
  refuseIfAny(problems);
  const data = { ...ofSubscription(subscription), reason, rejectedAt: command.metadata.at };
  return [{ type: 'SubscriptionRejected', data }];
}

export function moveToActiveNotBillable(
  command: MoveSubscriptionToActiveNotBillable,
  subscription: ActiveSubscription,
): SubscriptionMovedToActiveNotBillable[] {
  const data = {
    ...ofSubscription(subscription),
    reason: optionalText(command.data.reason),
    movedAt: command.metadata.at,
  };
  return [{ type: 'SubscriptionMovedToActiveNotBillable', data }];
}

export function moveToActiveBillable(
  command: MoveSubscriptionToActiveBillable,
  subscription: ActiveNotBillableSubscription,
): SubscriptionMovedToActiveBillable[] {
  if (command.data.customer?.status === 'inactive')
    throw customerInactive(subscription.customerId, 'made billable');
  const data = { ...ofSubscription(subscription), movedAt: command.metadata.at };
  return [{ type: 'SubscriptionMovedToActiveBillable', data }];
}

export function suspendSubscription(
  command: SuspendSubscription,
  subscription: ActiveSubscription,
): SubscriptionSuspended[] {
  const problems: RefusalReason[] = [];
  const reason = requireText(
    command.data.reason,
    'reason',
    'Say why the service is suspended (unpaid invoices, a customer request…).',
    problems,
  );
  const suspendedBy = command.data.by ?? 'operator';
  if (suspendedBy === 'system' && problems.length === 0 && reason !== DEBT_SUSPENSION_REASON)
    problems.push(
      invalid('reason', `The system suspends only for debt (reason "${DEBT_SUSPENSION_REASON}").`),
    );
  refuseIfAny(problems);
  const data = {
    ...ofSubscription(subscription),
    reason,
    suspendedAt: command.metadata.at,
    suspendedBy,
  };
  return [{ type: 'SubscriptionSuspended', data }];
}

export function resumeSubscription(
  command: ResumeSubscription,
  subscription: SuspendedSubscription,
): SubscriptionResumed[] {
  if (command.data.customer?.status === 'inactive')
    throw customerInactive(subscription.customerId, 'resumed');
  if (command.data.by === 'system' && subscription.suspendedBy !== 'system')
    throw suspendedByOperator(subscription.subscriptionId);
  const data = { ...ofSubscription(subscription), resumedAt: command.metadata.at };
  return [{ type: 'SubscriptionResumed', data }];
}

export function cancelSubscription(
  command: CancelSubscription,
  subscription: RequestedSubscription,
): SubscriptionCancelled[] {
  const problems: RefusalReason[] = [];
  const cancelledAt = command.data.cancelledAt ?? command.metadata.at;
  checkInstant(cancelledAt, 'cancelledAt', problems);
  refuseIfAny(problems);
  const data = {
    ...ofSubscription(subscription),
    reason: optionalText(command.data.reason),
    cancelledAt,
  };
  return [{ type: 'SubscriptionCancelled', data }];
}
