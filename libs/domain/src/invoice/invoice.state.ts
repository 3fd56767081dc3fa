import { InvoiceIssued } from './invoice.events';
import { DirectDebitEffect, GrantedCreditNote, RecordedPayment } from './invoice.terms';

/**
 * An issued invoice: what `InvoiceIssued` said, which never changes (R9), and what happened
 * to it since — credit notes, payments and direct-debit effects, oldest first.
 */
export type InvoiceRecord = InvoiceIssued['data'] & {
  creditNotes: GrantedCreditNote[];
  payments: RecordedPayment[];
  effects: DirectDebitEffect[];
};

export type NoInvoice = { status: 'none' };
export type IssuedInvoice = { status: 'issued' } & InvoiceRecord;

export type InvoiceState = NoInvoice | IssuedInvoice;

export const initialInvoiceState: InvoiceState = { status: 'none' };
