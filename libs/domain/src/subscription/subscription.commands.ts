import { ContractFact } from '../contract/contract.state';
import { CustomerFact } from '../customer/customer.state';
import { DomainCommand } from '../shared/decider';
import { SuspendedBy } from './subscription.events';
import { BillingMode } from './subscription.terms';

/** Every subscription command names its subscription; ids of new things come from the caller. */
interface ForSubscription {
  subscriptionId: string;
}

/**
 * `POST /subscriptions`. The contract and its customer live in other streams: the application
 * layer reads the contract's status into `contract`, its customer's id into `customerId` and
 * that customer's status into `customer`; the decider refuses a contract never drafted, a
 * closed one (terminated or deleted) and an inactive customer. A zero price is accepted (rule R12's simulation
 * flags it before it reaches an invoice); a negative one is refused — a credit is a discount.
 * `requestedAt` defaults to when the command was issued.
 */
export type RequestSubscription = DomainCommand<
  'RequestSubscription',
  ForSubscription & {
    contractId: string;
    customerId: string;
    tariff: string;
    /** Rule 28: the catalog entry `tariff` names, resolved by the application layer. */
    tariffId?: string;
    monthlyPriceCents: number;
    billingMode: BillingMode;
    requestedAt?: string;
    contract: ContractFact;
    customer: CustomerFact;
  }
>;

/**
 * `activatedAt` (date or date-time) defaults to when the command was issued; a past day records
 * an activation made before (a migration); a later day records an activation planned for it. `customer`
 * is the status of the subscription's customer, read from its stream by the application layer:
 * an inactive customer's subscription is not activated (it would be invoiced). `contract` is
 * when its contract was signed (null: not signed): an activation dated before is refused. Left
 * out: not known.
 */
export type ActivateSubscription = DomainCommand<
  'ActivateSubscription',
  ForSubscription & {
    activatedAt?: string;
    customer?: CustomerFact;
    contract?: { signedAt: string | null };
  }
>;

export type RejectSubscription = DomainCommand<
  'RejectSubscription',
  ForSubscription & { reason: string }
>;

export type MoveSubscriptionToActiveNotBillable = DomainCommand<
  'MoveSubscriptionToActiveNotBillable',
  ForSubscription & { reason?: string | null }
>;

/** `customer`, as for an activation: an inactive customer's subscription is not made billable. */
export type MoveSubscriptionToActiveBillable = DomainCommand<
  'MoveSubscriptionToActiveBillable',
  ForSubscription & { customer?: CustomerFact }
>;

/**
 * `by` defaults to an operator. The system (the dunning run, rule R20) suspends only for debt:
 * its reason must be `debt`.
 */
export type SuspendSubscription = DomainCommand<
  'SuspendSubscription',
  ForSubscription & { reason: string; by?: SuspendedBy }
>;

/**
 * `customer`, as for an activation: an inactive customer's subscription is not resumed. `by`
 * defaults to an operator, who may resume any suspension; the system (rule R20) is refused a
 * suspension an operator made.
 */
export type ResumeSubscription = DomainCommand<
  'ResumeSubscription',
  ForSubscription & { customer?: CustomerFact; by?: SuspendedBy }
>;

/** `cancelledAt` (date or date-time) defaults to when the command was issued. */
export type CancelSubscription = DomainCommand<
  'CancelSubscription',
  ForSubscription & { cancelledAt?: string; reason?: string | null }
>;

/** `effectiveDate` is a calendar day (`YYYY-MM-DD`): billing prorates by days (rule R10). */
export type MigrateSubscriptionTariff = DomainCommand<
  'MigrateSubscriptionTariff',
  ForSubscription & {
    tariff: string;
    /** Rule 28: the catalog entry `tariff` names, resolved by the application layer. */
    tariffId?: string;
    monthlyPriceCents: number;
    effectiveDate: string;
  }
>;

/**
 * Exactly one of `percent` (0 < p ≤ 100, two decimals at most) or `amountCents` (> 0), over
 * the calendar days `[from, until)`; `until` left out makes it open-ended.
 */
export type GrantDiscount = DomainCommand<
  'GrantDiscount',
  ForSubscription & {
    discountId: string;
    percent?: number | null;
    amountCents?: number | null;
    from: string;
    until?: string | null;
  }
>;

export type AddExtraCharge = DomainCommand<
  'AddExtraCharge',
  ForSubscription & {
    chargeId: string;
    amountCents: number;
    description: string;
    recurring: boolean;
    from?: string | null;
  }
>;

export type SubscriptionCommand =
  | RequestSubscription
  | ActivateSubscription
  | RejectSubscription
  | MoveSubscriptionToActiveNotBillable
  | MoveSubscriptionToActiveBillable
  | SuspendSubscription
  | ResumeSubscription
  | CancelSubscription
  | MigrateSubscriptionTariff
  | GrantDiscount
  | AddExtraCharge;

export type SubscriptionCommandType = SubscriptionCommand['type'];
