import { PaymentMethod } from '../customer/customer.billing';
import { PlainDate, PlainDateRange, addDays, assertPlainDate } from './billing.calendar';
import { BillingCycle, YearMonth, billingPeriod, chargedPeriod } from './billing.cycles';
import { BillingLine, BillingTotals, DEFAULT_VAT_RATE_PERCENT } from './billing.lines';
import { ContractCyclePrice, priceContractCycle } from './billing.pricing';
import { DomainError } from '../shared/domain-error';
import {
  BillingProblem,
  amountAboveMaximumProblems,
  cannotPriceProblem,
  cycleNotStartedProblem,
  invoiceProblems,
  linesAboveMaximumProblems,
  negativePriceProblems,
  tooManyLinesProblems,
} from './billing.problems';
import { inactiveCustomerProblems } from './billing.inactive-customer';
import { BillingIssuers, issuerProblems } from './billing.issuers';
import { BilledParty, ContractBillingSnapshot } from './billing.snapshot';

/** Days from issue to due date: an invoice falls due 15 days after it is issued. */
export const PAYMENT_TERM_DAYS = 15;

/**
 * What an `IssueInvoice` command needs, all but its id and its number in `series` (R8).
 * `billingPeriod` spans the days charged: the cycle for subscriptions billed in advance, the
 * cycle before for those in arrears, both when the contract has both.
 */
export interface InvoiceToIssue {
  customerId: string;
  contractId: string;
  series: string;
  cyclePeriod: YearMonth;
  cycle: BillingCycle;
  billingPeriod: PlainDateRange;
  customer: BilledParty;
  /** Rule R4: the signature's IBAN, `null` for a contract paid otherwise with none signed. */
  iban: string | null;
  paymentMethod: PaymentMethod;
  lines: BillingLine[];
  totals: BillingTotals;
  issueDate: PlainDate;
  dueDate: PlainDate;
  sendByEmail: boolean;
}

/** At most one invoice (R7); none when the contract has nothing to invoice or is blocked. */
export interface IssuanceOutcome {
  invoices: InvoiceToIssue[];
  problems: BillingProblem[];
}

export interface IssuanceOptions {
  /**
   * The day the invoice is issued; defaults to `today`, else (a preview) the cycle's first day
   * (the customer's billing day in `period`). It falls due `PAYMENT_TERM_DAYS` later.
   */
  issueDate?: PlainDate;
  /**
   * The tenant's calendar day, for a real run: a cycle starting after it is not invoiced (an
   * invoice is never dated in the future), and a late run for an earlier cycle issues today
   * with the cycle's period on its lines.
   */
  today?: PlainDate;
  /**
   * Who can issue (rule 21): when given, a contract its issuer cannot be found for, or whose
   * customer names another or an unknown issuer, gets that problem instead of an invoice.
   */
  issuers?: BillingIssuers;
}

/**
 * The billing run's view of one contract for one period (`YYYY-MM`): the invoice to issue,
 * priced by `priceContractCycle` exactly as the simulator previews it, and the problems of
 * rule R12. When a problem `blocksIssuance`, no invoice is returned. The VAT rate is the
 * customer's, else `vatDefault`.
 */
export function invoicesToIssue(
  snapshot: ContractBillingSnapshot,
  period: YearMonth,
  vatDefault: number = DEFAULT_VAT_RATE_PERCENT,
  options: IssuanceOptions = {},
): IssuanceOutcome {
  return invoiceForCycle(
    snapshot,
    billingPeriod(period, snapshot.billing.billingDay),
    vatDefault,
    options,
  );
}

/**
 * One contract, one cycle: shared by the billing run and the simulator. A contract that cannot
 * be priced (old events with values the commands refuse today, data no rule foresaw) gets a
 * blocking R12 problem instead of an invoice, so it never stops the other contracts' billing.
 */
export function invoiceForCycle(
  snapshot: ContractBillingSnapshot,
  cycle: BillingCycle,
  vatDefault: number,
  options: IssuanceOptions = {},
): IssuanceOutcome {
  if (options.today !== undefined && cycle.start > options.today)
    return { invoices: [], problems: [cycleNotStartedProblem(snapshot, cycle, options.today)] };
  const unpriceable = negativePriceProblems(snapshot, cycle.period);
  if (unpriceable.length > 0) return { invoices: [], problems: unpriceable };
  try {
    return pricedInvoiceForCycle(snapshot, cycle, vatDefault, options);
  } catch (error) {
    if (!(error instanceof RangeError || error instanceof DomainError)) throw error;
    const aboveMaximum = amountAboveMaximumProblems(snapshot, cycle.period);
    const problems =
      aboveMaximum.length > 0
        ? aboveMaximum
        : [cannotPriceProblem(snapshot, cycle.period, error.message)];
    return { invoices: [], problems };
  }
}

function pricedInvoiceForCycle(
  snapshot: ContractBillingSnapshot,
  cycle: BillingCycle,
  vatDefault: number,
  options: IssuanceOptions,
): IssuanceOutcome {
  const price = priceContractCycle({
    contractId: snapshot.contractId,
    cycle,
    subscriptions: snapshot.subscriptions,
    vatRatePercent: snapshot.billing.vatRatePercent ?? vatDefault,
  });
  if (price.lines.length === 0) return { invoices: [], problems: [] };
  const unbillable = [
    ...tooManyLinesProblems(snapshot, price),
    ...linesAboveMaximumProblems(snapshot, price),
  ];
  if (unbillable.length > 0) return { invoices: [], problems: unbillable };
  const problems = [
    ...invoiceProblems(snapshot, price),
    ...inactiveCustomerProblems(snapshot, price),
    ...(options.issuers ? issuerProblems(snapshot, cycle.period, options.issuers) : []),
  ];
  if (problems.some((problem) => problem.blocksIssuance)) return { invoices: [], problems };
  return { invoices: [invoiceOf(snapshot, price, options)], problems };
}

function invoiceOf(
  snapshot: ContractBillingSnapshot,
  price: ContractCyclePrice,
  options: IssuanceOptions,
): InvoiceToIssue {
  const issueDate = assertPlainDate(
    options.issueDate ?? options.today ?? price.cycle.start,
    'issue date',
  );
  return {
    customerId: snapshot.customerId,
    contractId: snapshot.contractId,
    series: (snapshot.billing.invoiceSeries ?? '').trim(),
    cyclePeriod: price.cycle.period,
    cycle: price.cycle,
    billingPeriod: chargedDays(snapshot, price),
    customer: snapshot.billedParty,
    iban: snapshot.contract.signedIban,
    paymentMethod: snapshot.contract.paymentMethod,
    lines: price.lines,
    totals: price.totals,
    issueDate,
    dueDate: addDays(issueDate, PAYMENT_TERM_DAYS),
    sendByEmail: snapshot.billing.sendInvoiceEmail && !!snapshot.mainEmail?.trim(),
  };
}

function chargedDays(snapshot: ContractBillingSnapshot, price: ContractCyclePrice) {
  const invoiced = new Set(price.lines.map((line) => line.subscriptionId));
  const periods = snapshot.subscriptions
    .filter((subscription) => invoiced.has(subscription.subscriptionId))
    .map((subscription) => chargedPeriod(price.cycle, subscription.billingMode));
  return {
    from: periods.map((period) => period.start).sort()[0],
    to: periods
      .map((period) => period.end)
      .sort()
      .reverse()[0],
  };
}
