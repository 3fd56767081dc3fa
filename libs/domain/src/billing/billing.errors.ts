import { DomainError } from '../shared/domain-error';

/** Refusals of the billing library: numbered rules of DOMAIN.md, and named ones. */
export const BillingRefusal = {
  /** R8: invoice numbers are consecutive per series, no gaps, no duplicates. */
  invoiceNumbering: 'R8',
  /** R9: the credits on one invoice never exceed its total. */
  creditLimit: 'R9',
  /** A credit note for nothing, or for a negative or fractional amount. */
  invalidCredit: 'BILLING.INVALID_CREDIT',
  invalidSeries: 'BILLING.INVALID_SERIES',
} as const;

export type BillingRefusal = (typeof BillingRefusal)[keyof typeof BillingRefusal];

export const billingRefusal = (code: BillingRefusal, message: string, field?: string) =>
  new DomainError(code, message, [{ code, message, ...(field ? { field } : {}) }]);
