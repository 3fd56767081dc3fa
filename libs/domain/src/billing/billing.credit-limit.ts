import { Cents, assertCents, describeCents, isCents, sumCents } from '../values/money';
import { BillingRefusal, billingRefusal } from './billing.errors';

/**
 * Rule R9: what can still be credited on an invoice, its total (VAT included) less the credit
 * notes already granted on it. Never below zero.
 */
export function remainingCreditable(
  invoiceTotalCents: Cents,
  creditsSoFar: readonly Cents[],
): Cents {
  assertCents(invoiceTotalCents, 'invoice total');
  return Math.max(0, invoiceTotalCents - sumCents(creditsSoFar));
}

/**
 * Refuses (R9) a credit note that would take the credits on an invoice over its total, and a
 * credit of zero, a negative or a fractional amount. Returns the amount left after it.
 */
export function assertCreditable(
  invoiceTotalCents: Cents,
  creditsSoFar: readonly Cents[],
  creditCents: Cents,
): Cents {
  if (!isCents(creditCents) || creditCents <= 0)
    throw billingRefusal(
      BillingRefusal.invalidCredit,
      `A credit note gives back a positive whole number of cents, got ${creditCents}.`,
      'amountCents',
    );
  const remaining = remainingCreditable(invoiceTotalCents, creditsSoFar);
  if (creditCents > remaining)
    throw billingRefusal(
      BillingRefusal.creditLimit,
      `This credit of ${describeCents(creditCents)} would exceed the invoice: of its ` +
        `${describeCents(invoiceTotalCents)} only ${describeCents(remaining)} is left to credit.`,
      'amountCents',
    );
  return remaining - creditCents;
}
