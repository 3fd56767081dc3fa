/** Refusals of the invoice series aggregate; a malformed series code is `BILLING.INVALID_SERIES`. */
export const InvoiceSeriesRefusal = {
  /** Input the HTTP layer or the billing run should have caught, but the domain still guards. */
  invalidInput: 'INVOICE_SERIES.INVALID_INPUT',
  /** Dates follow numbers and none is in the future (RD 1619/2012, rule 22). */
  datedInFuture: 'R8.DATED_IN_FUTURE',
} as const;

export type InvoiceSeriesRefusal = (typeof InvoiceSeriesRefusal)[keyof typeof InvoiceSeriesRefusal];
