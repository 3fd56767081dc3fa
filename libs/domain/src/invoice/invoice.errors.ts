import { DomainError } from '../shared/domain-error';
import { SIMPLIFIED_OVER_LIMIT } from './invoice.simplified';

/**
 * Refusals of the invoice aggregate. The credit limit (R9) and a credit of nothing refuse with
 * the billing library's codes (`R9`, `BILLING.INVALID_CREDIT`); a bad IBAN with `R4`; a line
 * whose VAT is not its own, rounded half away from zero, with `R11`.
 */
export const InvoiceRefusal = {
  notFound: 'INVOICE.NOT_FOUND',
  /** Rule R9: an issued invoice is immutable; it is issued once. */
  alreadyIssued: 'INVOICE.ALREADY_ISSUED',
  noLines: 'INVOICE.NO_LINES',
  /** The totals are not the sum of the lines, or a line's total is not its net plus its VAT. */
  totalsMismatch: 'INVOICE.TOTALS_MISMATCH',
  /** A total below zero is a credit note, not an invoice. */
  negativeTotal: 'INVOICE.NEGATIVE_TOTAL',
  /** VAT rounded per line (R11). */
  lineVat: 'R11',
  /** Direct debit charges the IBAN on the contract signature (R4): the invoice needs it. */
  ibanRequired: 'INVOICE.IBAN_REQUIRED',
  creditNoteAlreadyGranted: 'INVOICE.CREDIT_NOTE_ALREADY_GRANTED',
  creditNoteNotFound: 'INVOICE.CREDIT_NOTE_NOT_FOUND',
  /** Drafted by a billing run and not numbered yet: nothing can be done to it but issue it. */
  notIssued: 'INVOICE.NOT_ISSUED',
  /** Rule R10: a tariff migration is credited at most once. */
  migrationAlreadyCredited: 'R10',
  paymentAlreadyRecorded: 'INVOICE.PAYMENT_ALREADY_RECORDED',
  /** A payment over what is still owed on the invoice. */
  overpayment: 'INVOICE.OVERPAYMENT',
  effectAlreadyCreated: 'INVOICE.EFFECT_ALREADY_CREATED',
  /** Direct-debit effects over what is owed and not already being collected. */
  effectExceedsOutstanding: 'INVOICE.EFFECT_EXCEEDS_OUTSTANDING',
  effectNotFound: 'INVOICE.EFFECT_NOT_FOUND',
  effectNotPending: 'INVOICE.EFFECT_NOT_PENDING',
  effectAlreadyReturned: 'INVOICE.EFFECT_ALREADY_RETURNED',
  /** Rule 17: an effect that has gone to the bank in a remittance is not changed. */
  effectRemitted: 'R17',
  /** Rule 18: an effect is in at most one remittance. */
  effectAlreadyRemitted: 'R18',
  /** An operator's reduction must ask for less than the effect does, and more than nothing. */
  effectReductionInvalid: 'INVOICE.EFFECT_REDUCTION_INVALID',
  /** Rule 17: credit is moved only as far as the invoice has it available. */
  creditNotAvailable: 'INVOICE.CREDIT_NOT_AVAILABLE',
  /** Credit moves only between invoices of one customer. */
  creditOfAnotherCustomer: 'INVOICE.CREDIT_OF_ANOTHER_CUSTOMER',
  /** Input the HTTP layer should have caught (400) but the domain still guards. */
  invalidInput: 'INVOICE.INVALID_INPUT',
  /** Rule 22: only an invoice nothing happened to can be annulled; the others take a credit note. */
  notCancellable: 'INVOICE.NOT_CANCELLABLE',
  /** An annulled invoice takes no payment, credit note or effect. */
  cancelled: 'INVOICE.CANCELLED',
  /** Rule 22 (RD 1619/2012 art. 4): no simplified invoice (no tax id) above 400 €. */
  simplifiedOverLimit: SIMPLIFIED_OVER_LIMIT,
} as const;

export type InvoiceRefusal = (typeof InvoiceRefusal)[keyof typeof InvoiceRefusal];

export const invoiceNotFound = (invoiceId: string) =>
  new DomainError(
    InvoiceRefusal.notFound,
    `Invoice ${invoiceId} was never issued; issue it before crediting, charging or paying it.`,
  );

export const invoiceNotIssued = (invoiceId: string) =>
  new DomainError(
    InvoiceRefusal.notIssued,
    `Invoice ${invoiceId} is a draft waiting for its number; it cannot be credited, charged or paid until it is issued.`,
  );
