import { daysIn } from '../billing/billing.calendar';
import { BillingLine, DEFAULT_VAT_RATE_PERCENT, withVat } from '../billing/billing.lines';
import { Cents } from '../values/money';
import { IssuedInvoice } from './invoice.state';

/** A line an operator asks to give back: net cents, at the invoice's VAT rate unless given. */
export interface CorrectionRequest {
  description: string;
  amountCents: Cents;
  vatRatePercent?: number;
  subscriptionId?: string;
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
