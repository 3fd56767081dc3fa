import { DomainEvent } from '../shared/decider';
import { RenewalPeriod } from './renewal-period';

/*
 * Every renewable event names its customer (`customerId`). A renewable holds the operator's
 * product code and description and dates: no personal data (renewable.personal-data.ts).
 */

/** Seed 003: a product sold to the customer that renews every period, from its purchase date. */
export type RenewableRegistered = DomainEvent<
  'RenewableRegistered',
  {
    renewableId: string;
    customerId: string;
    productCode: string;
    description: string | null;
    purchasedOn: string;
    period: RenewalPeriod;
    /** The first period boundary after the purchase. */
    nextRenewalOn: string;
    registeredAt: string;
  }
>;

/** One period renewed: the boundary it covered, the day it was done, and the next boundary. */
export type RenewableRenewed = DomainEvent<
  'RenewableRenewed',
  {
    renewableId: string;
    customerId: string;
    /** The period boundary renewed (the next renewal date before this event). */
    renewalDueOn: string;
    /** The day the operator renewed it (may be before or after `renewalDueOn`). */
    renewedOn: string;
    nextRenewalOn: string;
    /** Periods renewed so far, this one included. */
    periodsRenewed: number;
    renewedAt: string;
  }
>;

/** Stopped: it renews no more and leaves the to-do list. */
export type RenewableLapsed = DomainEvent<
  'RenewableLapsed',
  { renewableId: string; customerId: string; lapsedOn: string; lapsedAt: string }
>;

export type RenewableEvent = RenewableRegistered | RenewableRenewed | RenewableLapsed;
export type RenewableEventType = RenewableEvent['type'];

export const RENEWABLE_EVENT_TYPE_SET: Record<RenewableEventType, true> = {
  RenewableRegistered: true,
  RenewableRenewed: true,
  RenewableLapsed: true,
};
export const RENEWABLE_EVENT_TYPES = Object.keys(RENEWABLE_EVENT_TYPE_SET) as RenewableEventType[];
