import { daysIn } from '../billing/billing.calendar';
import { BillingLine, DEFAULT_VAT_RATE_PERCENT, withVat } from '../billing/billing.lines';
import { Cents } from '../values/money';
import { IssuedInvoice } from './invoice.state';
import { DomainError } from '../shared/domain-error';
import { invalid } from './decisions/invoice-inputs';

/** A line an operator asks to give back: net cents, at the invoice's VAT rate unless given. */
export interface CorrectionRequest {
  description: string;
  amountCents: Cents;
  vatRatePercent?: number;
  subscriptionId?: string;
}

/**
 * What an operator asks for (R9): an amount given back as one line described by the reason,
 * or the lines themselves — one or the other.
 */
export interface CreditNoteRequest {
  reason: string;
  amountCents?: Cents;
  lines?: readonly CorrectionRequest[];
}

/** The correction lines an operator's request stands for; refuses both or neither. */
export function correctionRequestsOf(request: CreditNoteRequest): readonly CorrectionRequest[] {
  const { lines, amountCents } = request;
  if (lines !== undefined && amountCents !== undefined)
    throw DomainError.fromReasons([invalid('amountCents', 'Give amountCents or lines, not both.')]);
  if (lines !== undefined) return lines;
  if (amountCents === undefined)
    throw DomainError.fromReasons([invalid('amountCents', 'Give amountCents or lines.')]);
  return [{ description: request.reason, amountCents }];
}

/**
 * The lines of an operator's credit note on `invoice` (R9): each a `correction` over the
 * invoice's billing period, its VAT its own, rounded half away from zero (R11). The rate
 * defaults to the invoice's own (the rate of its lines), so a credit mirrors what was charged.
 */
export function correctionLines(
  invoice: Pick<IssuedInvoice, 'billingPeriod' | 'lines'>,
  requests: readonly CorrectionRequest[],
): BillingLine[] {
  const days = daysIn(invoice.billingPeriod);
  const invoiceRate = invoice.lines[0]?.vatRatePercent ?? DEFAULT_VAT_RATE_PERCENT;
  return requests.map((request) =>
    withVat(
      {
        subscriptionId: request.subscriptionId ?? '',
        kind: 'correction',
        description: request.description,
        period: { ...invoice.billingPeriod },
        days,
        daysInPeriod: days,
        amountCents: request.amountCents,
      },
      request.vatRatePercent ?? invoiceRate,
    ),
  );
}
