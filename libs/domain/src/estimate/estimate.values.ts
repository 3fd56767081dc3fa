import { BillingMode } from '../subscription/subscription.terms';

/**
 * Rule 29: where an estimate stands. `outstanding`, `accepted` and `rejected` are recorded;
 * `expired` is read off the calendar: an outstanding estimate whose `validUntil` has passed.
 */
export const ESTIMATE_STATES = ['outstanding', 'accepted', 'rejected', 'expired'] as const;
export type EstimateStatus = (typeof ESTIMATE_STATES)[number];
export type RecordedEstimateStatus = Exclude<EstimateStatus, 'expired'>;

/** A line quoted from the tariff catalog, or one written freely. */
export const ESTIMATE_LINE_KINDS = ['tariff', 'free'] as const;
export type EstimateLineKind = (typeof ESTIMATE_LINE_KINDS)[number];

/** The most lines, units per line and characters an estimate takes. */
export const MAX_ESTIMATE_LINES = 100;
export const MAX_ESTIMATE_QUANTITY = 1_000;
/** A tariff line becomes that many subscriptions on acceptance: kept to what an operator sells. */
export const MAX_ESTIMATE_TARIFF_QUANTITY = 20;
export const MAX_ESTIMATE_DESCRIPTION_LENGTH = 500;
export const MAX_ESTIMATE_NOTES_LENGTH = 2_000;
export const MAX_ESTIMATE_REASON_LENGTH = 1_000;

/**
 * One priced line. Net `amountCents` is `quantity × unitPriceCents`; VAT and total come from
 * billing's `withVat`, the function invoice lines are taxed with (R11).
 */
export interface EstimateLine {
  kind: EstimateLineKind;
  /** The catalog tariff quoted (rule 28); `null` on a free line. */
  tariffId: string | null;
  /** A tariff line: the catalog's name when quoted. */
  description: string;
  quantity: number;
  /** A tariff line: the catalog's monthly price when quoted. */
  unitPriceCents: number;
  /** A tariff line: how its subscriptions are billed; `null` on a free line. */
  billingMode: BillingMode | null;
  amountCents: number;
  vatRatePercent: number;
  vatCents: number;
  totalCents: number;
}

/** A subscription the acceptance requests: one per unit of each tariff line, at its price. */
export interface EstimateSubscriptionPlan {
  subscriptionId: string;
  /** The line's index (0-based) in the estimate. */
  line: number;
  tariffId: string;
  tariff: string;
  monthlyPriceCents: number;
  billingMode: BillingMode;
}
