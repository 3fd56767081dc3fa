import { describeCents } from '../values/money';
import { YearMonth } from './billing.cycles';
import { ContractCyclePrice } from './billing.pricing';
import { ContractBillingSnapshot } from './billing.snapshot';

/** Rule R12: what the cycle simulator lists before it reaches an invoice. */
export const BillingProblemCode = {
  directDebitWithoutSignedIban: 'R12.DIRECT_DEBIT_WITHOUT_SIGNED_IBAN',
  activeOnUnsignedContract: 'R12.ACTIVE_ON_UNSIGNED_CONTRACT',
  zeroOrNegativePrice: 'R12.ZERO_OR_NEGATIVE_PRICE',
  billingDisabled: 'R12.BILLING_DISABLED',
  invoiceEmailWithoutMainEmail: 'R12.INVOICE_EMAIL_WITHOUT_MAIN_EMAIL',
  missingInvoiceSeries: 'R12.MISSING_INVOICE_SERIES',
  inactiveCustomerBillable: 'R12.INACTIVE_CUSTOMER_BILLABLE',
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
        problemOf(snapshot, period, BillingProblemCode.zeroOrNegativePrice, true, {
          subscriptionId: subscription.subscriptionId,
          message: `Subscription ${subscription.subscriptionId} has tariff ${tariff.tariff} at a negative price (${describeCents(tariff.monthlyPriceCents)}) from ${tariff.effectiveFrom}; the contract cannot be priced until it is corrected.`,
        }),
      ),
  );
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
    problemOf(snapshot, period, code, blocks, { message });
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
  if (!billing.invoiceSeries?.trim())
    problems.push(
      problem(
        BillingProblemCode.missingInvoiceSeries,
        true,
        `Customer ${snapshot.customerId} has no invoice series: set one in the billing settings so contract ${contractId}'s invoice for ${period} can be numbered.`,
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
      problemOf(snapshot, period, BillingProblemCode.zeroOrNegativePrice, false, {
        subscriptionId: line.subscriptionId,
        message: `Subscription ${line.subscriptionId} is active at a price of ${describeCents(line.unitPriceCents ?? 0)} a month (${line.description}) in ${period}: set its price, or move it to active-not-billable if it is not to be invoiced.`,
      }),
    );
  if (problems.length === 0 && price.totals.totalCents <= 0)
    problems.push(
      problemOf(snapshot, period, BillingProblemCode.zeroOrNegativePrice, false, {
        message: `The invoice of contract ${snapshot.contractId} for ${period} totals ${describeCents(price.totals.totalCents)}: check its discounts.`,
      }),
    );
  return problems;
}

function problemOf(
  snapshot: ContractBillingSnapshot,
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
