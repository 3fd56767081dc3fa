import { describeCents } from '../values/money';

/**
 * Real Decreto 1619/2012 art. 4: a simplified invoice (`F2`, no recipient identified) may be
 * issued up to 400 €, VAT included. Above it the invoice must be complete (`F1`), naming the
 * recipient by its NIF or other tax identification.
 */
export const SIMPLIFIED_INVOICE_LIMIT_CENTS = 40_000;

/** Rule 22's refusal of an invoice that could only be simplified and is over the limit. */
export const SIMPLIFIED_OVER_LIMIT = 'R22.SIMPLIFIED_OVER_LIMIT';

/** Whether the invoice would be simplified (no tax id to name its recipient) and over 400 €. */
export const isSimplifiedOverLimit = (
  customer: { taxId?: string | null },
  totalCents: number,
): boolean => !customer.taxId?.trim() && totalCents > SIMPLIFIED_INVOICE_LIMIT_CENTS;

/** What the refusal and the billing problem say: the customer and what it is missing. */
export const simplifiedOverLimitMessage = (customerId: string, totalCents: number): string =>
  `Customer ${customerId} has no tax id (NIF or other tax identification) in its billing settings or document, so its invoice would be simplified (F2), and it totals ${describeCents(totalCents)}, over the ${describeCents(SIMPLIFIED_INVOICE_LIMIT_CENTS)} (VAT included) a simplified invoice may reach (RD 1619/2012 art. 4): set the customer's tax id so it is invoiced with a complete invoice (F1).`;
