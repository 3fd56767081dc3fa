import { Cents } from '../values/money';

/** In advance: a cycle's invoice charges the coming period; in arrears, the period just ended. */
export const BILLING_MODES = ['advance', 'arrears'] as const;
export type BillingMode = (typeof BILLING_MODES)[number];

/**
 * One tariff and its monthly price from a calendar day (`YYYY-MM-DD`) until the next entry's.
 * A price of zero is accepted (rule R12's simulation flags it); a negative one is refused.
 */
export interface TariffPeriod {
  tariff: string;
  monthlyPriceCents: Cents;
  effectiveFrom: string;
}

/**
 * A "bonificación": a percentage of the price or a fixed amount off, over the calendar days
 * `[from, until)`: `until` is the first day no longer discounted (as billing reads ranges),
 * `null` for an open-ended discount.
 */
export type Discount = {
  discountId: string;
  from: string;
  until: string | null;
  grantedAt: string;
} & DiscountValue;

/** Exactly one of the two: the union makes "both" or "neither" impossible to write down. */
export type DiscountValue =
  { percent: number; amountCents: null } | { percent: null; amountCents: Cents };

/**
 * An "importe adicional": one-off (charged once) or recurring (every cycle). `from` is the
 * calendar day it applies from; `null` means from the next cycle invoiced.
 */
export interface ExtraCharge {
  chargeId: string;
  amountCents: Cents;
  description: string;
  recurring: boolean;
  from: string | null;
  addedAt: string;
}
