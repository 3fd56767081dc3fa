import {
  MAX_AMOUNT_CENTS,
  MAX_INVOICE_LINES,
  describeCents,
  isWithinMaximum,
} from '../values/money';
import { YearMonth } from './billing.cycles';
import { invoiceSeriesProblem } from './billing.invoice-numbering';
import { ContractCyclePrice } from './billing.pricing';
import { ContractBillingSnapshot } from './billing.snapshot';
import {
  SIMPLIFIED_OVER_LIMIT,
  isSimplifiedOverLimit,
  simplifiedOverLimitMessage,
} from '../invoice/invoice.simplified';

/** Rule R12: what the cycle simulator lists before it reaches an invoice. */
export const BillingProblemCode = {
  directDebitWithoutSignedIban: 'R12.DIRECT_DEBIT_WITHOUT_SIGNED_IBAN',
  /** Rule 19: a bank return invalidated the mandate; remittances leave its effects out. */
  mandateInvalidated: 'R12.MANDATE_INVALIDATED',
  activeOnUnsignedContract: 'R12.ACTIVE_ON_UNSIGNED_CONTRACT',
  zeroOrNegativePrice: 'R12.ZERO_OR_NEGATIVE_PRICE',
  billingDisabled: 'R12.BILLING_DISABLED',
  invoiceEmailWithoutMainEmail: 'R12.INVOICE_EMAIL_WITHOUT_MAIN_EMAIL',
  missingInvoiceSeries: 'R12.MISSING_INVOICE_SERIES',
  /** A series the numbering refuses, set before series were checked where they are set. */
  invalidInvoiceSeries: 'R12.INVALID_INVOICE_SERIES',
  /** A price, discount or charge above `MAX_AMOUNT_CENTS`, recorded before it was enforced. */
  amountAboveMaximum: 'R12.AMOUNT_ABOVE_MAXIMUM',
  /** Anything else that keeps the contract's cycle from being priced (too many lines…). */
  cannotPrice: 'R12.CANNOT_PRICE',
  inactiveCustomerBillable: 'R12.INACTIVE_CUSTOMER_BILLABLE',
  /**
   * Dates follow numbers and none is in the future (RD 1619/2012): a cycle that has not
   * started yet is not invoiced; a run for it drafts nothing.
   */
  cycleNotStarted: 'R8.CYCLE_NOT_STARTED',
  /** Rule 21: the customer names an issuer, and its series belongs to another. */
  seriesOfAnotherIssuer: 'R21.SERIES_OF_ANOTHER_ISSUER',
  /** Rule 21: several issuers are registered and none owns the customer's series. */
  seriesWithoutIssuer: 'R21.SERIES_WITHOUT_ISSUER',
  /** Rule 21: the customer's billing settings name an issuer that does not exist. */
  unknownIssuer: 'R21.UNKNOWN_ISSUER',
  /**
   * Rule 22 (RD 1619/2012 art. 4): the customer has no tax id, so its invoice would be
   * simplified (`F2`), and it is over the 400 € (VAT included) a simplified invoice may reach.
   */
  simplifiedOverLimit: SIMPLIFIED_OVER_LIMIT,
} as const;

export type BillingProblemCode = (typeof BillingProblemCode)[keyof typeof BillingProblemCode];

/**
 * One thing to fix before billing. `blocksIssuance`: the billing run issues no invoice for
 * the contract and cycle while it stands (no account to charge, no contract, billing off, no
 * series to number it in, a price that cannot be priced). The others are warnings: the
 * invoice is issued, but is likely not what the operator wants (a free tariff, an invoice
 * that cannot be e-mailed).
 */
export interface BillingProblem {
  code: BillingProblemCode;
  customerId: string;
  contractId: string;
  message: string;
  blocksIssuance: boolean;
  subscriptionId?: string;
  period?: YearMonth;
}

/** Tariffs below zero cannot be priced at all (the aggregate refuses them; old data may not). */
export function negativePriceProblems(
  snapshot: ContractBillingSnapshot,
  period: YearMonth,
): BillingProblem[] {
  return snapshot.subscriptions.flatMap((subscription) =>
    subscription.tariffTimeline
      .filter((tariff) => tariff.monthlyPriceCents < 0)
      .map((tariff) =>
        billingProblemOf(snapshot, period, BillingProblemCode.zeroOrNegativePrice, true, {
          subscriptionId: subscription.subscriptionId,
          message: `Subscription ${subscription.subscriptionId} has tariff ${tariff.tariff} at a negative price (${describeCents(tariff.monthlyPriceCents)}) from ${tariff.effectiveFrom}; the contract cannot be priced until it is corrected.`,
        }),
      ),
  );
}

/**
 * Amounts no invoice may carry (above `MAX_AMOUNT_CENTS`) on the lines of a priced cycle: the
 * commands refuse them today, but the log may hold older ones. Each blocks its contract alone
 * (the run bills the others); one no longer in effect blocks nothing.
 */
export function linesAboveMaximumProblems(
  snapshot: ContractBillingSnapshot,
  price: ContractCyclePrice,
): BillingProblem[] {
  const seen = new Set<string>();
  return price.lines
    .filter(
      (line) =>
        !isWithinMaximum(line.amountCents) ||
        (line.unitPriceCents !== undefined && !isWithinMaximum(line.unitPriceCents)),
    )
    .filter((line) => !seen.has(line.subscriptionId) && seen.add(line.subscriptionId))
    .map((line) =>
      aboveMaximumProblem(
        snapshot,
        price.cycle.period,
        line.subscriptionId,
        `${line.kind} line "${line.description}"`,
        line.unitPriceCents ?? line.amountCents,
      ),
    );
}

/**
 * Every amount above `MAX_AMOUNT_CENTS` anywhere in the contract's subscriptions: what names
 * the culprit when pricing could not even finish (a total past the safe integers).
 */
export function amountAboveMaximumProblems(
  snapshot: ContractBillingSnapshot,
  period: YearMonth,
): BillingProblem[] {
  return snapshot.subscriptions.flatMap((subscription) => {
    const amounts = [
      ...subscription.tariffTimeline.map((tariff) => ({
        what: `tariff ${tariff.tariff}`,
        cents: tariff.monthlyPriceCents,
      })),
      ...(subscription.discounts ?? [])
        .filter((discount) => discount.percent == null)
        .map((discount) => ({ what: 'a discount', cents: discount.amountCents })),
      ...(subscription.extraCharges ?? []).map((charge) => ({
        what: `extra charge "${charge.description}"`,
        cents: charge.amountCents,
      })),
    ];
    return amounts
      .filter(({ cents }) => !isWithinMaximum(cents))
      .map(({ what, cents }) =>
        aboveMaximumProblem(snapshot, period, subscription.subscriptionId, what, cents),
      );
  });
}

function aboveMaximumProblem(
  snapshot: ContractRef,
  period: YearMonth,
  subscriptionId: string,
  what: string,
  cents: number,
): BillingProblem {
  return billingProblemOf(snapshot, period, BillingProblemCode.amountAboveMaximum, true, {
    subscriptionId,
    message: `Subscription ${subscriptionId} has ${what} at ${String(cents)} cents, above the maximum of ${MAX_AMOUNT_CENTS} (${describeCents(MAX_AMOUNT_CENTS)}): contract ${snapshot.contractId} is not invoiced for ${period} until it is corrected.`,
  });
}

/** A priced cycle with more lines than an invoice may hold. */
export function tooManyLinesProblems(
  snapshot: ContractBillingSnapshot,
  price: ContractCyclePrice,
): BillingProblem[] {
  if (price.lines.length <= MAX_INVOICE_LINES) return [];
  return [
    cannotPriceProblem(
      snapshot,
      price.cycle.period,
      `it would have ${price.lines.length} lines, more than the ${MAX_INVOICE_LINES} an invoice may hold`,
    ),
  ];
}

/** The contract's cycle starts after `today`: it is invoiced on or after that day, not before. */
export function cycleNotStartedProblem(
  snapshot: ContractRef,
  cycle: { period: YearMonth; start: string },
  today: string,
): BillingProblem {
  return billingProblemOf(snapshot, cycle.period, BillingProblemCode.cycleNotStarted, true, {
    message: `The ${cycle.period} cycle of contract ${snapshot.contractId} starts on ${cycle.start}, after today (${today}); an invoice cannot be dated in the future, so it is issued by a run on or after that day.`,
  });
}

/** The contract's cycle could not be priced at all; `reason` says why. */
export function cannotPriceProblem(
  snapshot: ContractRef,
  period: YearMonth,
  reason: string,
): BillingProblem {
  return billingProblemOf(snapshot, period, BillingProblemCode.cannotPrice, true, {
    message: `Contract ${snapshot.contractId} of customer ${snapshot.customerId} cannot be priced for ${period}: ${reason}. It is not invoiced; the other contracts are.`,
  });
}

/**
 * The problems of an invoice about to be issued (it has lines): everything rule R12 lists
 * that can be seen on one contract and one cycle.
 */
export function invoiceProblems(
  snapshot: ContractBillingSnapshot,
  price: ContractCyclePrice,
): BillingProblem[] {
  const { period } = price.cycle;
  const { billing, contract, contractId } = snapshot;
  const problem = (code: BillingProblemCode, blocks: boolean, message: string) =>
    billingProblemOf(snapshot, period, code, blocks, { message });
  const problems: BillingProblem[] = [];
  if (!billing.billingEnabled)
    problems.push(
      problem(
        BillingProblemCode.billingDisabled,
        true,
        `Billing is disabled for customer ${snapshot.customerId}, but contract ${contractId} has subscriptions to invoice for ${period}: enable billing, or move them to active-not-billable.`,
      ),
    );
  if (!contract.signed)
    problems.push(
      problem(
        BillingProblemCode.activeOnUnsignedContract,
        true,
        `Contract ${contractId} has active subscriptions but is not signed: sign it before ${period} is invoiced.`,
      ),
    );
  if (contract.paymentMethod === 'direct_debit' && !contract.signedIban)
    problems.push(
      problem(
        BillingProblemCode.directDebitWithoutSignedIban,
        true,
        `Contract ${contractId} is paid by direct debit but has no IBAN on its signature (rule R4: the customer file's IBAN is never charged): sign it with the account to charge.`,
      ),
    );
  if (contract.paymentMethod === 'direct_debit' && contract.mandateInvalidated)
    problems.push(
      problem(
        BillingProblemCode.mandateInvalidated,
        false,
        `Contract ${contractId}'s SEPA mandate was invalidated by a bank return (${contract.mandateInvalidated}): its invoice for ${period} will be issued but not sent to the bank until a new mandate is signed.`,
      ),
    );
  if (!billing.invoiceSeries?.trim())
    problems.push(
      problem(
        BillingProblemCode.missingInvoiceSeries,
        true,
        `Customer ${snapshot.customerId} has no invoice series: set one in the billing settings so contract ${contractId}'s invoice for ${period} can be numbered.`,
      ),
    );
  const series = billing.invoiceSeries?.trim();
  const seriesProblem = series ? invoiceSeriesProblem(series) : null;
  if (seriesProblem !== null)
    problems.push(
      problem(
        BillingProblemCode.invalidInvoiceSeries,
        true,
        `Customer ${snapshot.customerId} has invoice series ${JSON.stringify(series)}, which cannot number contract ${contractId}'s invoice for ${period}: ${seriesProblem.message}`,
      ),
    );
  if (billing.sendInvoiceEmail && !snapshot.mainEmail?.trim())
    problems.push(
      problem(
        BillingProblemCode.invoiceEmailWithoutMainEmail,
        false,
        `Customer ${snapshot.customerId} has invoice e-mails on but no main e-mail: the invoice of contract ${contractId} for ${period} cannot be sent.`,
      ),
    );
  if (isSimplifiedOverLimit(snapshot.billedParty, price.totals.totalCents))
    problems.push(
      problem(
        BillingProblemCode.simplifiedOverLimit,
        true,
        `${simplifiedOverLimitMessage(snapshot.customerId, price.totals.totalCents)} Contract ${contractId} is not invoiced for ${period} until then.`,
      ),
    );
  return [...problems, ...zeroPriceProblems(snapshot, price)];
}

function zeroPriceProblems(
  snapshot: ContractBillingSnapshot,
  price: ContractCyclePrice,
): BillingProblem[] {
  const { period } = price.cycle;
  const seen = new Set<string>();
  const problems = price.lines
    .filter((line) => line.kind === 'tariff' && (line.unitPriceCents ?? 0) <= 0)
    .filter((line) => !seen.has(line.subscriptionId) && seen.add(line.subscriptionId))
    .map((line) =>
      billingProblemOf(snapshot, period, BillingProblemCode.zeroOrNegativePrice, false, {
        subscriptionId: line.subscriptionId,
        message: `Subscription ${line.subscriptionId} is active at a price of ${describeCents(line.unitPriceCents ?? 0)} a month (${line.description}) in ${period}: set its price, or move it to active-not-billable if it is not to be invoiced.`,
      }),
    );
  if (problems.length === 0 && price.totals.totalCents <= 0)
    problems.push(
      billingProblemOf(snapshot, period, BillingProblemCode.zeroOrNegativePrice, false, {
        message: `The invoice of contract ${snapshot.contractId} for ${period} totals ${describeCents(price.totals.totalCents)}: check its discounts.`,
      }),
    );
  return problems;
}

/** The contract a problem is about. */
export type ContractRef = Pick<ContractBillingSnapshot, 'customerId' | 'contractId'>;

/** A problem about the contract's cycle in `period` (rule R12's shape). */
export function billingProblemOf(
  snapshot: ContractRef,
  period: YearMonth,
  code: BillingProblemCode,
  blocksIssuance: boolean,
  details: { message: string; subscriptionId?: string },
): BillingProblem {
  return {
    code,
    customerId: snapshot.customerId,
    contractId: snapshot.contractId,
    ...(details.subscriptionId !== undefined ? { subscriptionId: details.subscriptionId } : {}),
    period,
    blocksIssuance,
    message: details.message,
  };
}
