import {
  PlainDate,
  assertPlainDate,
  dateInZone,
  DEFAULT_TIME_ZONE,
} from '../billing/billing.calendar';
import { remainingCreditable } from '../billing/billing.credit-limit';
import { Cents, sumCents } from '../values/money';
import { InvoiceState, IssuedInvoice } from './invoice.state';

/*
 * What an invoice's events add up to. Pure functions of the state, so the decider, the
 * projections and the account statement all count the same way.
 *
 *   outstanding = total − credited − paid, never below zero
 *
 * Credits on an invoice already paid (a tariff migration credited after the direct debit
 * went through, R10) leave nothing outstanding and money owed back: `availableCreditCents`.
 */

/** As the invoices read model lists them. `draft`: not issued yet (drafted by a billing run, or nothing). */
export const INVOICE_STATUSES = [
  'draft',
  'pending',
  'partial',
  'paid',
  'overdue',
  'cancelled',
] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

const issued = (state: InvoiceState): IssuedInvoice | null =>
  state.status === 'issued' ? state : null;

export const invoiceTotalCents = (state: InvoiceState): Cents =>
  issued(state)?.totals.totalCents ?? 0;

/** The credit notes granted on the invoice, VAT included. */
export const creditedCents = (state: InvoiceState): Cents =>
  sumCents(issued(state)?.creditNotes.map((note) => note.totals.totalCents) ?? []);

/**
 * Payments recorded, effects the bank collected and did not return, and available credit
 * moved in from the customer's other invoices, less the credit moved out to them.
 */
export function paidCents(state: InvoiceState): Cents {
  const invoice = issued(state);
  if (invoice === null) return 0;
  const collected = invoice.effects.filter((effect) => effect.status === 'collected');
  const moved = invoice.creditTransfers.map((transfer) =>
    transfer.direction === 'in' ? transfer.amountCents : -transfer.amountCents,
  );
  return sumCents([
    ...invoice.payments.map((payment) => payment.amountCents),
    ...collected.map((effect) => effect.amountCents),
    ...moved,
  ]);
}

/** An annulled invoice (rule 22) owes nothing and holds no credit: nothing happened to it. */
const annulled = (state: InvoiceState): boolean => !!issued(state)?.cancellation;

/** What the customer still owes on the invoice. Never negative. */
export const outstandingCents = (state: InvoiceState): Cents =>
  annulled(state)
    ? 0
    : Math.max(0, invoiceTotalCents(state) - creditedCents(state) - paidCents(state));

/** What was paid beyond what the credits left owing: money the customer has to its credit. */
export const availableCreditCents = (state: InvoiceState): Cents =>
  annulled(state)
    ? 0
    : Math.max(0, creditedCents(state) + paidCents(state) - invoiceTotalCents(state));

/** Effects sent to the bank and not yet collected or returned. */
export const pendingEffectsCents = (state: InvoiceState): Cents =>
  sumCents(
    issued(state)
      ?.effects.filter((effect) => effect.status === 'pending')
      .map((effect) => effect.amountCents) ?? [],
  );

/** Rule R9: what further credit notes may still give back. */
export const remainingCreditableCents = (state: InvoiceState): Cents =>
  remainingCreditable(
    invoiceTotalCents(state),
    issued(state)?.creditNotes.map((note) => note.totals.totalCents) ?? [],
  );

/**
 * The invoice's status on `today` (a calendar day in the tenant's zone; see
 * `invoiceStatusAt`). Paid: nothing outstanding. Overdue: something outstanding after the due
 * date. Partial: part of it paid. Pending: nothing paid yet, not due yet.
 */
export function invoiceStatus(state: InvoiceState, today: PlainDate): InvoiceStatus {
  assertPlainDate(today, 'today');
  if (state.status !== 'issued') return 'draft';
  if (state.cancellation) return 'cancelled';
  if (outstandingCents(state) === 0) return 'paid';
  if (today > state.dueDate) return 'overdue';
  return paidCents(state) > 0 ? 'partial' : 'pending';
}

/** `invoiceStatus` at an instant, on the calendar day it falls on in the tenant's zone. */
export const invoiceStatusAt = (
  state: InvoiceState,
  instant: string,
  timeZone: string = DEFAULT_TIME_ZONE,
): InvoiceStatus => invoiceStatus(state, dateInZone(instant, timeZone));
