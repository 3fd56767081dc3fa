import { assertNever, INVOICE_DOCUMENT_EVENT_TYPES, maskIban } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { InvoiceTransactionRow, PendingEffectRow } from './account-statement.entity';
import { isRecordedInvoiceEvent, RecordedInvoiceEvent } from './recorded-invoice-events';

/**
 * The account statement: one transaction per invoice event, and the direct-debit effects with
 * what the bank did with them. Every event it handles writes one transaction, so the newest
 * transaction revision of the invoice says which of its events were already applied.
 */
export class AccountStatementProjection implements Projection {
  readonly name = 'account-statement';
  readonly handles: readonly string[] = INVOICE_DOCUMENT_EVENT_TYPES;
  readonly tables = ['invoice_transactions', 'pending_effects'];

  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    if (!isRecordedInvoiceEvent(event)) return;
    const transactions = manager.getRepository(InvoiceTransactionRow);
    const newest = await transactions.findOne({
      where: { invoiceId: event.data.invoiceId },
      order: { revision: 'DESC' },
    });
    if (newest !== null && BigInt(newest.revision) >= event.revision) return;
    await transactions.insert(invoiceTransactionFor(event));
    await applyToEffects(manager, event);
  }
}

type Described = Pick<
  InvoiceTransactionRow,
  'kind' | 'reference' | 'description' | 'documentCents' | 'amountCents' | 'occurredAt'
>;

/** The event's line on the statement: pure. */
export function invoiceTransactionFor(event: RecordedInvoiceEvent): InvoiceTransactionRow {
  return {
    eventId: event.id,
    customerId: event.data.customerId,
    invoiceId: event.data.invoiceId,
    revision: Number(event.revision),
    ...described(event),
    recordedAt: new Date(event.metadata.occurredAt),
    position: Number(event.position),
  };
}

function described(event: RecordedInvoiceEvent): Described {
  switch (event.type) {
    case 'InvoiceIssued': {
      const { formatted, totals, issueDate, cyclePeriod } = event.data;
      const total = totals.totalCents;
      return line(
        'invoice',
        formatted,
        `Invoice ${formatted} (${cyclePeriod})`,
        total,
        total,
        issueDate,
      );
    }
    case 'CreditNoteGranted': {
      const { formatted, rectifies, totals, grantedAt } = event.data;
      const total = totals.totalCents;
      const text = `Credit note ${formatted} on ${rectifies}`;
      return line('credit-note', formatted, text, total, -total, grantedAt);
    }
    case 'PaymentRecorded': {
      const { paymentId, amountCents, method, paidAt } = event.data;
      return line('payment', paymentId, `Payment (${method})`, amountCents, -amountCents, paidAt);
    }
    case 'DirectDebitEffectCreated': {
      const { effectId, amountCents, dueDate, createdAt } = event.data;
      const text = `Direct debit sent to the bank, due ${dueDate}`;
      return line('effect-created', effectId, text, amountCents, 0, createdAt);
    }
    case 'EffectCollected': {
      const { effectId, amountCents, collectedAt } = event.data;
      return line(
        'effect-collected',
        effectId,
        'Direct debit collected',
        amountCents,
        -amountCents,
        collectedAt,
      );
    }
    case 'EffectReturned': {
      const { effectId, amountCents, reason, returnedAt, wasCollected } = event.data;
      // Only money that had been collected is owed again; a pending effect returned owed it all along.
      const owedAgain = wasCollected ? amountCents : 0;
      const text = `Direct debit returned: ${reason}`;
      return line('effect-returned', effectId, text, amountCents, owedAgain, returnedAt);
    }
    default:
      return assertNever(event, 'invoice event');
  }
}

const line = (
  kind: Described['kind'],
  reference: string,
  description: string,
  documentCents: number,
  amountCents: number,
  occurredAt: string,
): Described => ({ kind, reference, description, documentCents, amountCents, occurredAt });

async function applyToEffects(manager: EntityManager, event: RecordedInvoiceEvent) {
  const effects = manager.getRepository(PendingEffectRow);
  switch (event.type) {
    case 'DirectDebitEffectCreated': {
      const { effectId, invoiceId, customerId, amountCents, dueDate, iban, createdAt } = event.data;
      await effects.upsert(
        {
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
        },
        ['id'],
      );
      return;
    }
    case 'EffectCollected':
      await effects.update(
        { id: event.data.effectId, status: 'pending' },
        { status: 'collected', collectedAt: event.data.collectedAt },
      );
      return;
    case 'EffectReturned':
      await effects.update(
        { id: event.data.effectId },
        {
          status: 'returned',
          returnedAt: event.data.returnedAt,
          returnReason: event.data.reason,
        },
      );
      return;
    default:
      return;
  }
}
