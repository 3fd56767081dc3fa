import { assertNever, InvoiceIssued, maskIban } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { InvoiceRow } from './invoice.entity';
import { RecordedInvoiceEvent } from './recorded-invoice-events';

/**
 * The invoice's row after one more event of its stream: pure, so the live projection and a
 * rebuild cannot disagree. The figures follow `invoice.balance.ts` (outstanding = total −
 * credited − paid, never below zero; paid = payments + effects collected and not returned);
 * a spec checks them against the domain's helpers for the same events.
 */
export function evolveInvoiceRow(
  row: InvoiceRow | null,
  event: RecordedInvoiceEvent,
): InvoiceRow | null {
  if (event.type === 'InvoiceIssued') return row ?? issued(event);
  if (row === null) return null;
  const next = { ...row, ...changedFigures(row, event) };
  return {
    ...next,
    ...balanceOf(next),
    lastRevision: Number(event.revision),
    updatedAt: new Date(event.metadata.occurredAt),
  };
}

type Figures = Pick<
  InvoiceRow,
  | 'creditedCents'
  | 'paidCents'
  | 'pendingEffectsCents'
  | 'payments'
  | 'cancelledAt'
  | 'cancellationReason'
>;

function changedFigures(row: InvoiceRow, event: RecordedInvoiceEvent): Partial<Figures> {
  switch (event.type) {
    case 'InvoiceIssued':
      return {};
    case 'CreditNoteGranted':
      return { creditedCents: row.creditedCents + event.data.totals.totalCents };
    case 'PaymentRecorded': {
      const { paymentId, amountCents, method, paidAt } = event.data;
      return {
        paidCents: row.paidCents + amountCents,
        payments: [...row.payments, { paymentId, amountCents, method, paidAt }],
      };
    }
    case 'DirectDebitEffectCreated':
      return { pendingEffectsCents: row.pendingEffectsCents + event.data.amountCents };
    case 'EffectCollected':
      return {
        paidCents: row.paidCents + event.data.amountCents,
        pendingEffectsCents: row.pendingEffectsCents - event.data.amountCents,
      };
    case 'EffectReturned':
      // A collected effect stops counting as paid; a pending one stops being pending.
      return event.data.wasCollected
        ? { paidCents: row.paidCents - event.data.amountCents }
        : { pendingEffectsCents: row.pendingEffectsCents - event.data.amountCents };
    case 'EffectRemitted':
      return {};
    case 'EffectReduced':
      return {
        pendingEffectsCents: row.pendingEffectsCents - (event.data.fromCents - event.data.toCents),
      };
    case 'EffectCancelled':
      return { pendingEffectsCents: row.pendingEffectsCents - event.data.amountCents };
    case 'CreditTransferredOut':
      return { paidCents: row.paidCents - event.data.amountCents };
    case 'CreditAppliedIn':
      return { paidCents: row.paidCents + event.data.amountCents };
    case 'InvoiceCancelled':
      return { cancelledAt: event.data.cancelledAt, cancellationReason: event.data.reason };
    default:
      return assertNever(event, 'invoice event');
  }
}

function balanceOf(
  row: Pick<InvoiceRow, 'totalCents' | 'creditedCents' | 'paidCents' | 'cancelledAt'>,
) {
  if (row.cancelledAt) return { outstandingCents: 0, availableCreditCents: 0 };
  const owed = row.totalCents - row.creditedCents - row.paidCents;
  return { outstandingCents: Math.max(0, owed), availableCreditCents: Math.max(0, -owed) };
}

function issued(event: RecordedEvent<'InvoiceIssued', InvoiceIssued['data']>): InvoiceRow {
  const { data } = event;
  const at = new Date(event.metadata.occurredAt);
  return {
    id: data.invoiceId,
    customerId: data.customerId,
    contractId: data.contractId,
    series: data.series,
    number: data.number,
    formatted: data.formatted,
    periodFrom: data.billingPeriod.from,
    periodTo: data.billingPeriod.to,
    cyclePeriod: data.cyclePeriod,
    issueDate: data.issueDate,
    dueDate: data.dueDate,
    customerSnapshot: data.customer,
    issuer: data.issuer ?? null,
    maskedIban: data.iban === null ? null : maskIban(data.iban),
    paymentMethod: data.paymentMethod,
    lines: data.lines,
    netCents: data.totals.netCents,
    vatCents: data.totals.vatCents,
    totalCents: data.totals.totalCents,
    creditedCents: 0,
    paidCents: 0,
    ...balanceOf({
      totalCents: data.totals.totalCents,
      creditedCents: 0,
      paidCents: 0,
      cancelledAt: null,
    }),
    pendingEffectsCents: 0,
    payments: [],
    cancelledAt: null,
    cancellationReason: null,
    lastRevision: Number(event.revision),
    issuedAt: at,
    updatedAt: at,
  };
}
