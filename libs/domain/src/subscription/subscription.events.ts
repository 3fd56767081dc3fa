import { DomainEvent } from '../shared/decider';
import { Cents } from '../values/money';
import { BillingMode, Discount, ExtraCharge } from './subscription.terms';

/**
 * Every subscription event names the subscription, its contract and the contract's customer,
 * so contract and customer views (history, R6 facts, billing) can follow it.
 */
export interface OfSubscription {
  subscriptionId: string;
  contractId: string;
  customerId: string;
}

export type SubscriptionRequested = DomainEvent<
  'SubscriptionRequested',
  OfSubscription & {
    tariff: string;
    /** Rule 28: the tariff's catalog entry (absent before catalogs); the price stays this event's. */
    tariffId?: string;
    monthlyPriceCents: Cents;
    billingMode: BillingMode;
    requestedAt: string;
  }
>;

export type SubscriptionActivated = DomainEvent<
  'SubscriptionActivated',
  OfSubscription & { activatedAt: string }
>;

export type SubscriptionRejected = DomainEvent<
  'SubscriptionRejected',
  OfSubscription & { reason: string; rejectedAt: string }
>;

/** The service stays on and is not invoiced ("activo no facturable"), e.g. the company's own lines. */
export type SubscriptionMovedToActiveNotBillable = DomainEvent<
  'SubscriptionMovedToActiveNotBillable',
  OfSubscription & { reason: string | null; movedAt: string }
>;

export type SubscriptionMovedToActiveBillable = DomainEvent<
  'SubscriptionMovedToActiveBillable',
  OfSubscription & { movedAt: string }
>;

/**
 * Who suspended a subscription: an operator, or the system's dunning run for debt (rule R20).
 * The system only ever resumes what it suspended itself.
 */
export type SuspendedBy = 'operator' | 'system';
export const SUSPENDED_BY: readonly SuspendedBy[] = ['operator', 'system'];
/** The reason a system suspension records: unpaid invoices (rule R20). */
export const DEBT_SUSPENSION_REASON = 'debt';

/** Schema v2: `suspendedBy` (v1 events are read as suspended by an operator, see upcasters/). */
export type SubscriptionSuspended = DomainEvent<
  'SubscriptionSuspended',
  OfSubscription & { reason: string; suspendedAt: string; suspendedBy: SuspendedBy }
>;

export type SubscriptionResumed = DomainEvent<
  'SubscriptionResumed',
  OfSubscription & { resumedAt: string }
>;

/**
 * A new tariff and price from `effectiveDate` (a calendar day). The previous tariff, price and
 * the day it took effect are recorded so billing can credit the unused days of a period billed
 * in advance (rule R10); `migrationNumber` (1, 2, … per subscription) lets a mass credit run
 * grant each migration's credit at most once.
 */
export type SubscriptionTariffMigrated = DomainEvent<
  'SubscriptionTariffMigrated',
  OfSubscription & {
    migrationNumber: number;
    billingMode: BillingMode;
    previousTariff: string;
    previousMonthlyPriceCents: Cents;
    previousEffectiveFrom: string;
    tariff: string;
    /** Rule 28: the new tariff's catalog entry (absent before catalogs); the price stays this event's. */
    tariffId?: string;
    monthlyPriceCents: Cents;
    effectiveDate: string;
    migratedAt: string;
  }
>;

/** A "bonificación"; its presence alone blocks deleting the customer (rule R6). */
export type DiscountGranted = DomainEvent<'DiscountGranted', OfSubscription & Discount>;

/** An "importe adicional"; its presence alone blocks deleting the customer (rule R6). */
export type ExtraChargeAdded = DomainEvent<'ExtraChargeAdded', OfSubscription & ExtraCharge>;

export type SubscriptionCancelled = DomainEvent<
  'SubscriptionCancelled',
  OfSubscription & { reason: string | null; cancelledAt: string }
>;

export type SubscriptionEvent =
  | SubscriptionRequested
  | SubscriptionActivated
  | SubscriptionRejected
  | SubscriptionMovedToActiveNotBillable
  | SubscriptionMovedToActiveBillable
  | SubscriptionSuspended
  | SubscriptionResumed
  | SubscriptionTariffMigrated
  | DiscountGranted
  | ExtraChargeAdded
  | SubscriptionCancelled;

export type SubscriptionEventType = SubscriptionEvent['type'];

/** Every subscription event type, for projections' `canHandle`; the map makes a missing one a compile error. */
const SUBSCRIPTION_EVENT_TYPE_SET: Record<SubscriptionEventType, true> = {
  SubscriptionRequested: true,
  SubscriptionActivated: true,
  SubscriptionRejected: true,
  SubscriptionMovedToActiveNotBillable: true,
  SubscriptionMovedToActiveBillable: true,
  SubscriptionSuspended: true,
  SubscriptionResumed: true,
  SubscriptionTariffMigrated: true,
  DiscountGranted: true,
  ExtraChargeAdded: true,
  SubscriptionCancelled: true,
};

export const SUBSCRIPTION_EVENT_TYPES = Object.keys(
  SUBSCRIPTION_EVENT_TYPE_SET,
) as SubscriptionEventType[];

export const isSubscriptionEvent = (event: { type: string }): event is SubscriptionEvent =>
  Object.prototype.hasOwnProperty.call(SUBSCRIPTION_EVENT_TYPE_SET, event.type);
