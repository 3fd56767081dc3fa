import { assertNever, eurosOf, INVOICE_DOCUMENT_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { HistoryChange } from '../customers/customer-history.entity';
import { HistoryEntry, HistorySource } from '../customers/history-entry';
import { isRecordedInvoiceEvent, RecordedInvoiceEvent } from './recorded-invoice-events';

const euros = (cents: number): string => `${eurosOf(cents)} EUR`;

/**
 * An invoice event's line on its customer's history tab (rule R13). The line's stream names
 * the invoice. IBANs go in full to `historyRowFor`, which masks every IBAN field it stores.
 */
export function invoiceHistoryEntryFor(event: RecordedEvent): HistoryEntry | null {
  if (!isRecordedInvoiceEvent(event)) return null;
  const { summary, changes } = describe(event);
  return { customerId: event.data.customerId, summary, changes, bulkOperationId: null };
}

export const invoiceHistorySource: HistorySource = {
  handles: INVOICE_DOCUMENT_EVENT_TYPES,
  historyEntryFor: invoiceHistoryEntryFor,
};

const added = (values: Record<string, unknown>): HistoryChange[] =>
  Object.entries(values).map(([field, after]) => ({ field, before: null, after }));

function describe(event: RecordedInvoiceEvent): { summary: string; changes: HistoryChange[] } {
  switch (event.type) {
    case 'InvoiceIssued': {
      const { formatted, totals, cyclePeriod, dueDate, iban, paymentMethod } = event.data;
      return {
        summary: `Invoice ${formatted} issued for ${cyclePeriod}: ${euros(totals.totalCents)}`,
        changes: added({
          number: formatted,
          totalCents: totals.totalCents,
          dueDate,
          paymentMethod,
          ...(iban === null ? {} : { iban }),
        }),
      };
    }
    case 'CreditNoteGranted': {
      const { formatted, rectifies, totals, reason } = event.data;
      return {
        summary: `Credit note ${formatted} on ${rectifies}: ${euros(totals.totalCents)} (${reason})`,
        changes: added({ creditNote: formatted, totalCents: totals.totalCents, reason }),
      };
    }
    case 'PaymentRecorded': {
      const { amountCents, method, paidAt } = event.data;
      return {
        summary: `Payment of ${euros(amountCents)} recorded (${method})`,
        changes: added({ amountCents, method, paidAt }),
      };
    }
    case 'DirectDebitEffectCreated': {
      const { amountCents, dueDate, iban } = event.data;
      return {
        summary: `Direct debit of ${euros(amountCents)} sent to the bank`,
        changes: added({ amountCents, dueDate, iban }),
      };
    }
    case 'EffectCollected':
      return {
        summary: `Direct debit of ${euros(event.data.amountCents)} collected`,
        changes: [{ field: 'effectStatus', before: 'pending', after: 'collected' }],
      };
    case 'EffectReturned': {
      const { amountCents, reason, wasCollected } = event.data;
      return {
        summary: `Direct debit of ${euros(amountCents)} returned: ${reason}`,
        changes: [
          {
            field: 'effectStatus',
            before: wasCollected ? 'collected' : 'pending',
            after: 'returned',
          },
        ],
      };
    }
    case 'EffectRemitted':
      return {
        summary: `Direct debit sent to the bank in remittance ${event.data.remittanceId}`,
        changes: [{ field: 'remittanceId', before: null, after: event.data.remittanceId }],
      };
    case 'EffectReduced': {
      const { fromCents, toCents, cause, reason } = event.data;
      return {
        summary: `Direct debit reduced from ${euros(fromCents)} to ${euros(toCents)} (${reason ?? cause})`,
        changes: [{ field: 'effectAmountCents', before: fromCents, after: toCents }],
      };
    }
    case 'EffectCancelled': {
      const { amountCents, cause, reason } = event.data;
      return {
        summary: `Direct debit of ${euros(amountCents)} cancelled (${reason ?? cause})`,
        changes: [{ field: 'effectStatus', before: 'pending', after: 'cancelled' }],
      };
    }
    case 'CreditTransferredOut':
      return {
        summary: `Available credit of ${euros(event.data.amountCents)} set against invoice ${event.data.toInvoiceId}`,
        changes: added({
          amountCents: event.data.amountCents,
          toInvoiceId: event.data.toInvoiceId,
        }),
      };
    case 'InvoiceCancelled':
      return {
        summary: `Invoice ${event.data.formatted} annulled: ${event.data.reason}`,
        changes: [{ field: 'invoiceStatus', before: 'issued', after: 'cancelled' }],
      };
    case 'CreditAppliedIn':
      return {
        summary: `Paid with ${euros(event.data.amountCents)} of available credit from invoice ${event.data.fromInvoiceId}`,
        changes: added({
          amountCents: event.data.amountCents,
          fromInvoiceId: event.data.fromInvoiceId,
        }),
      };
    default:
      return assertNever(event, 'invoice event');
  }
}
