import { PlainDate, PlainDateRange } from '../billing/billing.calendar';
import { YearMonth } from '../billing/billing.cycles';
import { BillingLine, BillingTotals } from '../billing/billing.lines';
import { PaymentMethod } from '../customer/customer.billing';
import { DomainEvent } from '../shared/decider';
import { Cents } from '../values/money';
import { EffectChangeCause, InvoiceCustomerSnapshot, InvoiceIssuerSnapshot } from './invoice.terms';

/**
 * Every invoice event names the invoice, its customer and its contract, so the customer's
 * account, the history tab and the R6 facts can follow it without loading the invoice.
 */
export interface OfInvoice {
  invoiceId: string;
  customerId: string;
  contractId: string;
}

/**
 * Rule R7: one invoice per contract per cycle (`cyclePeriod`), charging `billingPeriod`
 * (half-open, `[from, to)`). Numbered in `series` (R8), made out to the customer as it was
 * then (R15), charged to the IBAN on the contract signature (R4). Immutable once issued (R9).
 */
export type InvoiceIssued = DomainEvent<
  'InvoiceIssued',
  OfInvoice & {
    series: string;
    number: number;
    formatted: string;
    billingPeriod: PlainDateRange;
    cyclePeriod: YearMonth;
    customer: InvoiceCustomerSnapshot;
    /** Who issued it (rule 21); absent on invoices issued before issuer entities existed. */
    issuer?: InvoiceIssuerSnapshot;
    iban: string | null;
    paymentMethod: PaymentMethod;
    lines: BillingLine[];
    totals: BillingTotals;
    issueDate: PlainDate;
    dueDate: PlainDate;
  }
>;

/**
 * The first step of issuing (R8): the invoice priced and fixed, not numbered yet. Numbers are
 * only taken for drafts, and a draft can always be issued, so a billing run that stops between
 * numbering and issuing leaves no gap: its retry issues the drafts under the numbers they got.
 */
export type InvoiceDrafted = DomainEvent<
  'InvoiceDrafted',
  Omit<InvoiceIssued['data'], 'number' | 'formatted'>
>;

/**
 * The first step of a credit note (R8, R9): fixed, counted against what is left to credit on
 * the invoice, not numbered yet. Granting it with its number can then never be refused.
 */
export type CreditNoteDrafted = DomainEvent<
  'CreditNoteDrafted',
  Omit<CreditNoteGranted['data'], 'number' | 'formatted' | 'rectifies'>
>;

/**
 * A credit note on the invoice, in its rectifying series (R8); `rectifies` is the original's
 * formatted number. Its total never takes the credits on the invoice over its total (R9).
 */
export type CreditNoteGranted = DomainEvent<
  'CreditNoteGranted',
  OfInvoice & {
    creditNoteId: string;
    series: string;
    number: number;
    formatted: string;
    rectifies: string;
    reason: string;
    lines: BillingLine[];
    totals: BillingTotals;
    grantedAt: string;
    /** The date it bears, given by its series (dates follow numbers); absent before that rule. */
    issueDate?: PlainDate;
    migrationId: string | null;
  }
>;

/** Money received for the invoice, in full or in part. */
export type PaymentRecorded = DomainEvent<
  'PaymentRecorded',
  OfInvoice & { paymentId: string; amountCents: Cents; method: PaymentMethod; paidAt: string }
>;

/** A receivable sent to the bank to charge `iban` on `dueDate` ("efecto pendiente"). */
export type DirectDebitEffectCreated = DomainEvent<
  'DirectDebitEffectCreated',
  OfInvoice & {
    effectId: string;
    amountCents: Cents;
    iban: string;
    dueDate: PlainDate;
    createdAt: string;
  }
>;

/** The bank collected the effect: its amount counts as paid. */
export type EffectCollected = DomainEvent<
  'EffectCollected',
  OfInvoice & { effectId: string; amountCents: Cents; collectedAt: string }
>;

/** The bank returned the effect ("devuelto"): its amount is owed again. */
export type EffectReturned = DomainEvent<
  'EffectReturned',
  OfInvoice & {
    effectId: string;
    amountCents: Cents;
    reason: string;
    /** The bank's ISO return reason code (rule 19); absent on returns recorded by hand before. */
    reasonCode?: string | null;
    returnedAt: string;
    /** Whether it had been collected, so its amount stops counting as paid. */
    wasCollected: boolean;
  }
>;

/** The effect went to the bank in remittance `remittanceId` (rule 18): it is not changed after. */
export type EffectRemitted = DomainEvent<
  'EffectRemitted',
  OfInvoice & { effectId: string; remittanceId: string; remittedAt: string }
>;

/**
 * Rule 17: the effect asks the bank for less (`fromCents` → `toCents`), because a payment, a
 * credit note or a collection lowered what the invoice owes, or an operator reduced it.
 */
export type EffectReduced = DomainEvent<
  'EffectReduced',
  OfInvoice & {
    effectId: string;
    fromCents: Cents;
    toCents: Cents;
    cause: EffectChangeCause;
    reason: string | null;
    reducedAt: string;
  }
>;

/** Rule 17: the effect asks for nothing any more (as `EffectReduced`, down to zero). */
export type EffectCancelled = DomainEvent<
  'EffectCancelled',
  OfInvoice & {
    effectId: string;
    amountCents: Cents;
    cause: EffectChangeCause;
    reason: string | null;
    cancelledAt: string;
  }
>;

/** Rule 17: this invoice's available credit set against another invoice of the customer. */
export type CreditTransferredOut = DomainEvent<
  'CreditTransferredOut',
  OfInvoice & { transferId: string; toInvoiceId: string; amountCents: Cents; transferredAt: string }
>;

/** Rule 17: available credit of another invoice of the customer pays part of this one. */
export type CreditAppliedIn = DomainEvent<
  'CreditAppliedIn',
  OfInvoice & { transferId: string; fromInvoiceId: string; amountCents: Cents; appliedAt: string }
>;

/**
 * The invoice is annulled ("anulada", rule 22's `RegistroAnulacion`): issued by mistake, it
 * owes nothing and keeps its number (no gap). Only an invoice nothing happened to yet — no
 * payment, no credit note, no effect sent to the bank — can be; its pending effects are
 * cancelled with it. A wrong invoice that was sent or paid is corrected by a credit note.
 */
export type InvoiceCancelled = DomainEvent<
  'InvoiceCancelled',
  OfInvoice & { formatted: string; totalCents: Cents; reason: string; cancelledAt: string }
>;

export type InvoiceEvent =
  | InvoiceDrafted
  | InvoiceIssued
  | CreditNoteDrafted
  | CreditNoteGranted
  | PaymentRecorded
  | DirectDebitEffectCreated
  | EffectCollected
  | EffectReturned
  | EffectRemitted
  | EffectReduced
  | EffectCancelled
  | CreditTransferredOut
  | CreditAppliedIn
  | InvoiceCancelled;

export type InvoiceEventType = InvoiceEvent['type'];

/** Every invoice event type, for projections' `canHandle`; the map makes a missing one a compile error. */
const INVOICE_EVENT_TYPE_SET: Record<InvoiceEventType, true> = {
  InvoiceDrafted: true,
  InvoiceIssued: true,
  CreditNoteDrafted: true,
  CreditNoteGranted: true,
  PaymentRecorded: true,
  DirectDebitEffectCreated: true,
  EffectCollected: true,
  EffectReturned: true,
  EffectRemitted: true,
  EffectReduced: true,
  EffectCancelled: true,
  CreditTransferredOut: true,
  CreditAppliedIn: true,
  InvoiceCancelled: true,
};

export const INVOICE_EVENT_TYPES = Object.keys(INVOICE_EVENT_TYPE_SET) as InvoiceEventType[];

export const isInvoiceEvent = (event: { type: string }): event is InvoiceEvent =>
  Object.prototype.hasOwnProperty.call(INVOICE_EVENT_TYPE_SET, event.type);

/**
 * The events of numbered documents. Drafts are steps of issuing, not documents: read models
 * show an invoice or a credit note once it has its number.
 */
export type InvoiceDocumentEvent = Exclude<InvoiceEvent, InvoiceDrafted | CreditNoteDrafted>;

const DRAFTING_EVENT_TYPES: readonly InvoiceEventType[] = ['InvoiceDrafted', 'CreditNoteDrafted'];

export const INVOICE_DOCUMENT_EVENT_TYPES = INVOICE_EVENT_TYPES.filter(
  (type) => !DRAFTING_EVENT_TYPES.includes(type),
) as InvoiceDocumentEvent['type'][];

export const isInvoiceDocumentEvent = (event: { type: string }): event is InvoiceDocumentEvent =>
  isInvoiceEvent(event) && !DRAFTING_EVENT_TYPES.includes(event.type);
