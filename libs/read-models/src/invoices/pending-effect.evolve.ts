import { maskIban } from '@app/domain';
import { PendingEffectRow } from './account-statement.entity';
import { RecordedInvoiceEvent } from './recorded-invoice-events';

/**
 * A direct-debit effect's row after one more event of its invoice: pure. A collection, a
 * remittance, a reduction or a cancellation applies to a pending effect only, a return to any, and neither to an effect that is not there;
 * `null` leaves the row as it was.
 */
export function evolvePendingEffect(
  current: PendingEffectRow | null,
  event: RecordedInvoiceEvent,
): PendingEffectRow | null {
  switch (event.type) {
    case 'DirectDebitEffectCreated': {
      const { effectId, invoiceId, customerId, amountCents, dueDate, iban, createdAt } = event.data;
      return {
        id: effectId,
        invoiceId,
        customerId,
        amountCents,
        dueDate,
        status: 'pending',
        maskedIban: maskIban(iban),
        createdAt,
        collectedAt: null,
        returnedAt: null,
        returnReason: null,
        returnCode: null,
        remittanceId: null,
        cancelledAt: null,
      };
    }
    case 'EffectRemitted':
      if (current?.status !== 'pending') return null;
      return { ...current, remittanceId: event.data.remittanceId };
    case 'EffectReduced':
      if (current?.status !== 'pending') return null;
      return { ...current, amountCents: event.data.toCents };
    case 'EffectCancelled':
      if (current?.status !== 'pending') return null;
      return { ...current, status: 'cancelled', cancelledAt: event.data.cancelledAt };
    case 'EffectCollected':
      if (current?.status !== 'pending') return null;
      return { ...current, status: 'collected', collectedAt: event.data.collectedAt };
    case 'EffectReturned':
      if (current === null) return null;
      return {
        ...current,
        status: 'returned',
        returnedAt: event.data.returnedAt,
        returnReason: event.data.reason,
        returnCode: event.data.reasonCode ?? null,
      };
    default:
      return null;
  }
}
