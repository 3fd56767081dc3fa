import { YearMonth } from './billing.cycles';
import {
  BillingProblem,
  BillingProblemCode,
  billingProblemOf,
  ContractRef,
} from './billing.problems';
import { ContractBillingSnapshot } from './billing.snapshot';

/**
 * Who can issue invoices (rule 21), as plain data the billing run and the simulator load once:
 * the registered issuers with the series each owns, and the configured issuer that invoices
 * while none is registered.
 */
export interface BillingIssuers {
  registered: readonly { issuerId: string; series: readonly string[] }[];
  /** The configured issuer's id (`default`): a customer may name it. */
  defaultIssuerId: string;
}

/** The issuer invoicing `series`, or `null` when several are registered and none owns it. */
export function issuerIdOfSeries(series: string, issuers: BillingIssuers): string | null {
  const owner = issuers.registered.find((issuer) => issuer.series.includes(series));
  if (owner !== undefined) return owner.issuerId;
  if (issuers.registered.length === 1) return issuers.registered[0].issuerId;
  if (issuers.registered.length === 0) return issuers.defaultIssuerId;
  return null;
}

/**
 * Rule 21's problems with the contract's invoice, the ones a billing run meets when it looks
 * up the issuer: a series no issuer owns while several are registered, an issuer named in the
 * customer's billing settings that does not exist, or one that is not the series' issuer. Each
 * blocks the contract's invoice; the run bills the others, the simulator lists them.
 */
export function issuerProblems(
  snapshot: ContractBillingSnapshot,
  period: YearMonth,
  issuers: BillingIssuers,
): BillingProblem[] {
  const series = snapshot.billing.invoiceSeries?.trim();
  if (!series) return [];
  const issuerId = issuerIdOfSeries(series, issuers);
  if (issuerId === null)
    return [
      seriesWithoutIssuerProblem(
        snapshot,
        period,
        `no issuer owns invoice series ${series}, and with ${issuers.registered.length} issuers registered none can be assumed: add the series to its issuer (PATCH /issuers/:id).`,
      ),
    ];
  const named = snapshot.billing.issuerId ?? null;
  if (named === null || named === issuerId) return [];
  const known =
    named === issuers.defaultIssuerId ||
    issuers.registered.some((issuer) => issuer.issuerId === named);
  if (!known) return [unknownIssuerProblem(snapshot, period, named, series, issuerId)];
  return [seriesOfAnotherIssuerProblem(snapshot, period, series, named, issuerId)];
}

/** Rule 21: no issuer to invoice the series with; `reason` says why. */
export function seriesWithoutIssuerProblem(
  snapshot: ContractRef,
  period: YearMonth,
  reason: string,
): BillingProblem {
  return billingProblemOf(snapshot, period, BillingProblemCode.seriesWithoutIssuer, true, {
    message: `Contract ${snapshot.contractId} of customer ${snapshot.customerId} is not invoiced for ${period}: ${reason}`,
  });
}

/** Rule 21: the customer's series is another issuer's than the one its settings name. */
export function seriesOfAnotherIssuerProblem(
  snapshot: ContractRef,
  period: YearMonth,
  series: string,
  named: string,
  owner: string,
): BillingProblem {
  return billingProblemOf(snapshot, period, BillingProblemCode.seriesOfAnotherIssuer, true, {
    message: `Customer ${snapshot.customerId} is invoiced by issuer ${named}, but its series ${series} belongs to issuer ${owner}: choose a series of ${named} (each series belongs to one issuer). Not invoiced.`,
  });
}

/** Rule 21: the customer's billing settings name an issuer that does not exist. */
export function unknownIssuerProblem(
  snapshot: ContractRef,
  period: YearMonth,
  named: string,
  series: string,
  owner: string,
): BillingProblem {
  return billingProblemOf(snapshot, period, BillingProblemCode.unknownIssuer, true, {
    message: `Customer ${snapshot.customerId} names issuer ${named} in its billing settings, and there is no such issuer (its series ${series} is issuer ${owner}'s): name one of GET /issuers, or none. Contract ${snapshot.contractId} is not invoiced for ${period}.`,
  });
}
