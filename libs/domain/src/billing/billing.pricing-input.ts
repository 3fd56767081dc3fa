import { Cents } from '../values/money';
import { PlainDate } from './billing.calendar';
import { BillingCycle, CycleDates, PricingBillingMode } from './billing.cycles';

/**
 * What the pricing function needs to know about one contract for one cycle. Everything comes
 * in as plain data — the billing run and the simulator build it from the same read model, so
 * simulate-then-issue gives the same amounts (rule R12). Dates are plain `YYYY-MM-DD`. The
 * shapes match the subscription aggregate's (`TariffPeriod`, `Discount`, statuses, billing
 * modes), so its state can be passed as it is, except an extra charge's `from: null`.
 */
export interface ContractCyclePricingInput {
  contractId?: string;
  /** The cycle being invoiced (rule R7: one invoice per contract per cycle). */
  cycle: BillingCycle;
  /**
   * The days subscriptions billed in arrears are charged for. Defaults to the cycle before;
   * set it for the first cycle after the customer's billing day changed.
   */
  previousCycle?: CycleDates;
  subscriptions: readonly PricingSubscription[];
  /** Per line, rounded half away from zero (R11). Defaults to 21. */
  vatRatePercent?: number;
}

/** The states of rule R5. Only `active` is invoiced. */
export type PricingSubscriptionStatus =
  'pending-activation' | 'active' | 'active-not-billable' | 'suspended' | 'rejected' | 'cancelled';

/** The subscription is in `status` from this day on, until the next change. */
export interface PricingStatusChange {
  status: PricingSubscriptionStatus;
  from: PlainDate;
  /**
   * Whether the days from here on are invoiced. Absent: only `active` days are (rule R5); a
   * suspension by the system for debt is, unless the setting says not (rule 20).
   */
  billed?: boolean;
}

/** The subscription's tariff and monthly price from this day on, until the next migration. */
export interface PricingTariff {
  tariff: string;
  monthlyPriceCents: Cents;
  effectiveFrom: PlainDate;
}

/**
 * A "bonificación" from `from` to `until`, both days included, as the subscription aggregate
 * records it (`until` null or absent: open-ended). A percentage of the tariff charged in those
 * days, or a fixed amount per cycle prorated over the days it covers. It reduces the tariff
 * only, never extra charges, and never below zero.
 */
export type PricingDiscount = (
  { percent: number; amountCents?: null } | { amountCents: Cents; percent?: null }
) & {
  from: PlainDate;
  until?: PlainDate | null;
  description?: string;
};

/**
 * An "importe adicional": one-off charges are billed once, on the invoice whose charged period
 * holds `from`; recurring ones in full on every invoice whose charged period ends after
 * `from`. Either only while the subscription has an active day in that period. So the date
 * must fall in a period not yet invoiced: resolve the aggregate's `from: null` ("the next
 * cycle invoiced") to that cycle's first day — for a subscription billed in advance a one-off
 * dated inside the cycle already invoiced would never be billed.
 */
export interface PricingExtraCharge {
  amountCents: Cents;
  description: string;
  recurring: boolean;
  from: PlainDate;
}

export interface PricingSubscription {
  subscriptionId: string;
  billingMode: PricingBillingMode;
  /** Status changes, in any order; before the first one the subscription bills nothing. */
  statusTimeline: readonly PricingStatusChange[];
  /** Tariff migrations, in any order; days before the first one bill nothing. */
  tariffTimeline: readonly PricingTariff[];
  discounts?: readonly PricingDiscount[];
  extraCharges?: readonly PricingExtraCharge[];
}
