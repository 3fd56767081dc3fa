import type {
  BillingLine,
  BillingTotals,
  InvoiceCustomerSnapshot,
  InvoiceIssuerSnapshot,
  InvoiceStatus,
  PlainDate,
  RecordedPayment,
} from '@app/domain';
import {
  InvoiceTransactionKind,
  InvoiceTransactionRow,
  PendingEffectRow,
  PendingEffectStatus,
} from './account-statement.entity';
import { InvoiceCreditNoteRow, InvoiceRow } from './invoice.entity';
import { dateInZone } from '@app/domain';

/**
 * The invoice's status on `today`, as the domain's `invoiceStatus` gives it: paid when nothing
 * is outstanding, overdue when something is after the due date, partial when part is paid,
 * else pending. Not stored: it changes with the date, not with an event. `INVOICE_STATUS_SQL`
 * is the same rule for filtering; a spec checks both against the domain's.
 */
export function invoiceRowStatus(
  row: Pick<InvoiceRow, 'outstandingCents' | 'paidCents' | 'dueDate'> & {
    cancelledAt?: string | null;
  },
  today: PlainDate,
): InvoiceStatus {
  if (row.cancelledAt) return 'cancelled';
  if (row.outstandingCents === 0) return 'paid';
  if (today > row.dueDate) return 'overdue';
  return row.paidCents > 0 ? 'partial' : 'pending';
}

/** `invoiceRowStatus` in SQL over alias `i`, with `:today` bound. */
export const INVOICE_STATUS_SQL = `CASE
  WHEN i.cancelled_at IS NOT NULL THEN 'cancelled'
  WHEN i.outstanding_cents = 0 THEN 'paid'
  WHEN i.due_date < :today THEN 'overdue'
  WHEN i.paid_cents > 0 THEN 'partial'
  ELSE 'pending' END`;

/** One invoice as `GET /customers/:id/invoices` lists it. The IBAN only masked (R4). */
export interface InvoiceView {
  id: string;
  customerId: string;
  contractId: string;
  series: string;
  number: number;
  formatted: string;
  billingPeriod: { from: PlainDate; to: PlainDate };
  cyclePeriod: string;
  issueDate: PlainDate;
  dueDate: PlainDate;
  status: InvoiceStatus;
  /** The customer as it was when the invoice was issued (R15). */
  customer: InvoiceCustomerSnapshot;
  /** Its issuer as it was then (rule 21); null on invoices issued before issuers existed. */
  issuer: InvoiceIssuerSnapshot | null;
  maskedIban: string | null;
  paymentMethod: string;
  totals: BillingTotals;
  creditedCents: number;
  paidCents: number;
  outstandingCents: number;
  availableCreditCents: number;
  pendingEffectsCents: number;
  lastRevision: number;
  issuedAt: string;
  updatedAt: string;
}

export interface CreditNoteView {
  id: string;
  invoiceId: string;
  series: string;
  number: number;
  formatted: string;
  rectifies: string;
  reason: string;
  lines: BillingLine[];
  totals: BillingTotals;
  migrationId: string | null;
  grantedAt: string;
  /** The date it bears: its series' (dates follow numbers), else the day it was granted. */
  issueDate: PlainDate;
}

export interface EffectView {
  id: string;
  invoiceId: string;
  amountCents: number;
  dueDate: PlainDate;
  status: PendingEffectStatus;
  maskedIban: string;
  createdAt: string;
  collectedAt: string | null;
  returnedAt: string | null;
  returnReason: string | null;
  returnCode: string | null;
  /** The remittance it went to the bank in (rule 18); `null` while it can still change (rule 17). */
  remittanceId: string | null;
  cancelledAt: string | null;
}

/** `GET /invoices/:id`: the invoice with its lines, credit notes, payments and effects. */
export interface InvoiceDetailView extends InvoiceView {
  lines: BillingLine[];
  creditNotes: CreditNoteView[];
  payments: RecordedPayment[];
  effects: EffectView[];
}

export function toInvoiceView(row: InvoiceRow, today: PlainDate): InvoiceView {
  return {
    id: row.id,
    customerId: row.customerId,
    contractId: row.contractId,
    series: row.series,
    number: row.number,
    formatted: row.formatted,
    billingPeriod: { from: row.periodFrom, to: row.periodTo },
    cyclePeriod: row.cyclePeriod,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    status: invoiceRowStatus(row, today),
    customer: row.customerSnapshot,
    issuer: row.issuer,
    maskedIban: row.maskedIban,
    paymentMethod: row.paymentMethod,
    totals: { netCents: row.netCents, vatCents: row.vatCents, totalCents: row.totalCents },
    creditedCents: row.creditedCents,
    paidCents: row.paidCents,
    outstandingCents: row.outstandingCents,
    availableCreditCents: row.availableCreditCents,
    pendingEffectsCents: row.pendingEffectsCents,
    lastRevision: row.lastRevision,
    issuedAt: row.issuedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const toCreditNoteView = (row: InvoiceCreditNoteRow): CreditNoteView => ({
  id: row.id,
  invoiceId: row.invoiceId,
  series: row.series,
  number: row.number,
  formatted: row.formatted,
  rectifies: row.rectifies,
  reason: row.reason,
  lines: row.lines,
  totals: { netCents: row.netCents, vatCents: row.vatCents, totalCents: row.totalCents },
  migrationId: row.migrationId,
  grantedAt: row.grantedAt,
  issueDate: row.issueDate ?? dateInZone(row.grantedAt),
});

export const toEffectView = (row: PendingEffectRow): EffectView => ({
  id: row.id,
  invoiceId: row.invoiceId,
  amountCents: row.amountCents,
  dueDate: row.dueDate,
  status: row.status,
  maskedIban: row.maskedIban,
  createdAt: row.createdAt,
  collectedAt: row.collectedAt,
  returnedAt: row.returnedAt,
  returnReason: row.returnReason,
  returnCode: row.returnCode,
  remittanceId: row.remittanceId,
  cancelledAt: row.cancelledAt,
});

/** A line of the account statement; `balanceAfterCents` is the running balance after it. */
export interface AccountTransactionView {
  id: string;
  invoiceId: string;
  kind: InvoiceTransactionKind;
  reference: string;
  description: string;
  documentCents: number;
  amountCents: number;
  balanceAfterCents: number;
  occurredAt: string;
  recordedAt: string;
  position: number;
}

export const toAccountTransactionView = (
  row: InvoiceTransactionRow,
  balanceAfterCents: number,
): AccountTransactionView => ({
  id: row.eventId,
  invoiceId: row.invoiceId,
  kind: row.kind,
  reference: row.reference,
  description: row.description,
  documentCents: row.documentCents,
  amountCents: row.amountCents,
  balanceAfterCents,
  occurredAt: row.occurredAt,
  recordedAt: row.recordedAt.toISOString(),
  position: row.position,
});

/**
 * `GET /customers/:id/account`. `balanceCents` is what the customer owes net of money owed
 * back (the transactions' sum: unpaid balance − available credit); positive: owes.
 */
export interface CustomerAccountView {
  customerId: string;
  balanceCents: number;
  unpaidInvoices: number;
  unpaidBalanceCents: number;
  overdueInvoices: number;
  availableCreditCents: number;
  pendingEffectsCents: number;
  pendingEffects: EffectView[];
  /** Newest first. */
  transactions: AccountTransactionView[];
}
