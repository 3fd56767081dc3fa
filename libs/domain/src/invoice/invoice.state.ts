import { InvoiceDrafted, InvoiceIssued } from './invoice.events';
import {
  CreditTransfer,
  DirectDebitEffect,
  GrantedCreditNote,
  RecordedPayment,
} from './invoice.terms';

/**
 * An issued invoice: what `InvoiceIssued` said, which never changes (R9), and what happened
 * to it since — credit notes, payments and direct-debit effects, oldest first.
 */
export type InvoiceRecord = InvoiceIssued['data'] & {
  creditNotes: GrantedCreditNote[];
  /** Credit notes drafted and not granted yet: they already count against the total (R9). */
  draftCreditNotes: DraftedCreditNote[];
  payments: RecordedPayment[];
  effects: DirectDebitEffect[];
  /** Available credit moved to or from the customer's other invoices (rule 17). */
  creditTransfers: CreditTransfer[];
  /** Annulled (rule 22's `RegistroAnulacion`): it owes nothing; null while it stands. */
  cancellation?: { reason: string; cancelledAt: string } | null;
};

/** A credit note drafted on the invoice, waiting for its number in the rectifying series. */
export type DraftedCreditNote = Omit<GrantedCreditNote, 'number' | 'formatted'>;

export type NoInvoice = { status: 'none' };
/** Priced and fixed by a billing run, waiting for its number (R8); not an invoice yet. */
export type DraftedInvoice = { status: 'draft' } & InvoiceDrafted['data'];
export type IssuedInvoice = { status: 'issued' } & InvoiceRecord;

export type InvoiceState = NoInvoice | DraftedInvoice | IssuedInvoice;

export const initialInvoiceState: InvoiceState = { status: 'none' };
