import { DomainError } from '../shared/domain-error';

/** Refusals of the subscription aggregate. Rule R5 refuses with `illegalTransition`. */
export const SubscriptionRefusal = {
  /** Rule R5: the command is not allowed from the subscription's current state. */
  illegalTransition: 'SUBSCRIPTION.ILLEGAL_TRANSITION',
  notFound: 'SUBSCRIPTION.NOT_FOUND',
  alreadyRequested: 'SUBSCRIPTION.ALREADY_REQUESTED',
  /** A tariff migration effective before the current tariff took effect. */
  migrationBackdated: 'SUBSCRIPTION.MIGRATION_BACKDATED',
  discountAlreadyGranted: 'SUBSCRIPTION.DISCOUNT_ALREADY_GRANTED',
  extraChargeAlreadyAdded: 'SUBSCRIPTION.EXTRA_CHARGE_ALREADY_ADDED',
  /** Requested or activated for a customer who is inactive: it would be invoiced (see R12). */
  customerInactive: 'SUBSCRIPTION.CUSTOMER_INACTIVE',
  /** Rule R20: the system resumes only what it suspended for debt, never an operator's suspension. */
  suspendedByOperator: 'SUBSCRIPTION.SUSPENDED_BY_OPERATOR',
  /** Input the HTTP layer should have caught (400) but the domain still guards. */
  invalidInput: 'SUBSCRIPTION.INVALID_INPUT',
} as const;

export type SubscriptionRefusal = (typeof SubscriptionRefusal)[keyof typeof SubscriptionRefusal];

export const subscriptionNotFound = (subscriptionId: string) =>
  new DomainError(
    SubscriptionRefusal.notFound,
    `Subscription ${subscriptionId} was never requested; request it before changing it.`,
  );

/** A subscription of an inactive customer would be invoiced: reactivate the customer first. */
export const customerInactive = (
  customerId: string,
  done: 'requested' | 'activated' | 'resumed' | 'made billable',
) =>
  new DomainError(
    SubscriptionRefusal.customerInactive,
    `Customer ${customerId} is inactive: a subscription of theirs cannot be ${done}. Reactivate the customer first.`,
  );

/** Rule R20: a suspension an operator made is lifted by an operator, never by the dunning run. */
export const suspendedByOperator = (subscriptionId: string) =>
  new DomainError(
    SubscriptionRefusal.suspendedByOperator,
    `Subscription ${subscriptionId} was suspended by an operator: only an operator resumes it; the system resumes only what it suspended for debt (rule R20).`,
  );
