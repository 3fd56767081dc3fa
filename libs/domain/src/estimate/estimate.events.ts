import { BillingTotals } from '../billing/billing.lines';
import { PaymentMethod } from '../customer/customer.billing';
import { DomainEvent } from '../shared/decider';
import { EstimateLine, EstimateSubscriptionPlan } from './estimate.values';

/*
 * Every estimate event names its customer (`customerId`): the lines' descriptions and the
 * notes are free text that may quote the customer, sealed under its key and erased with it.
 */

/** Rule 29: an estimate quoted to a customer, valid through `validUntil` (a calendar day). */
export type EstimateCreated = DomainEvent<
  'EstimateCreated',
  {
    estimateId: string;
    customerId: string;
    lines: EstimateLine[];
    totals: BillingTotals;
    validUntil: string;
    notes: string | null;
    createdAt: string;
  }
>;

/**
 * The customer took it. The contract and subscriptions it leads to are fixed here, ids
 * included, so the process that creates them writes the same ones however often it runs.
 */
export type EstimateAccepted = DomainEvent<
  'EstimateAccepted',
  {
    estimateId: string;
    customerId: string;
    contractId: string;
    paymentMethod: PaymentMethod;
    subscriptions: EstimateSubscriptionPlan[];
    acceptedAt: string;
  }
>;

/** The customer declined it. */
export type EstimateRejected = DomainEvent<
  'EstimateRejected',
  { estimateId: string; customerId: string; reason: string | null; rejectedAt: string }
>;

/** The acceptance's process is done: the contract is drafted and every subscription requested. */
export type EstimateFulfilled = DomainEvent<
  'EstimateFulfilled',
  {
    estimateId: string;
    customerId: string;
    contractId: string;
    subscriptionIds: string[];
    fulfilledAt: string;
  }
>;

export type EstimateEvent =
  EstimateCreated | EstimateAccepted | EstimateRejected | EstimateFulfilled;

export type EstimateEventType = EstimateEvent['type'];

export const ESTIMATE_EVENT_TYPE_SET: Record<EstimateEventType, true> = {
  EstimateCreated: true,
  EstimateAccepted: true,
  EstimateRejected: true,
  EstimateFulfilled: true,
};

export const ESTIMATE_EVENT_TYPES = Object.keys(ESTIMATE_EVENT_TYPE_SET) as EstimateEventType[];
