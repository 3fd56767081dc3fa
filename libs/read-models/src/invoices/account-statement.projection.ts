import {
  assertNever,
  describeCents,
  EffectChangeCause,
  INVOICE_DOCUMENT_EVENT_TYPES,
  PAYMENT_METHODS,
  PaymentMethod,
} from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { equalsAnyOf, insertRows } from '../rows/insert-rows';
import { applyToKeyedRows, KeyedRowsSpec } from '../rows/keyed-rows';
import { allPast, newestPosition } from '../rows/newest-position';
import { InvoiceTransactionRow, PendingEffectRow } from './account-statement.entity';
import { evolvePendingEffect } from './pending-effect.evolve';
import { isRecordedInvoiceEvent, RecordedInvoiceEvent } from './recorded-invoice-events';

/**
 * The account statement: one transaction per invoice event, and the direct-debit effects with
 * what the bank did with them. Every event it handles writes one transaction, keyed by its
 * position, so the newest transaction revision of the invoice says which of its events were
 * already applied, and a batch wholly past the newest position has none applied.
 */
export class AccountStatementProjection implements Projection {
  readonly name = 'account-statement';
  readonly handles: readonly string[] = INVOICE_DOCUMENT_EVENT_TYPES;
  readonly tables = ['invoice_transactions', 'pending_effects'];

  /**
   * Which events are new: all of them when the batch lies past the newest line (a rebuild, a
   * live batch: one probe of the primary key); otherwise, for a batch reaching back, one SELECT
   * of the newest transaction revision of every invoice it touches (a random probe each of a
   * large index). Then one COPY or INSERT of the new transactions, and the effects folded.
   */
  async applyBatch(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    const invoiceEvents = events.filter(isRecordedInvoiceEvent);
    if (invoiceEvents.length === 0) return;
    const newestLine = await newestPosition(manager, 'invoice_transactions');
    const allNew = allPast(
      newestLine,
      invoiceEvents.map((event) => event.position),
    );
    const fresh = allNew ? invoiceEvents : await notYetApplied(manager, invoiceEvents);
    await insertRows(manager, InvoiceTransactionRow, fresh.map(invoiceTransactionFor));
    await applyToKeyedRows(pendingEffects, fresh, manager);
  }
}

/** The events past the newest transaction revision of their invoice. */
async function notYetApplied(
  manager: EntityManager,
  invoiceEvents: readonly RecordedInvoiceEvent[],
): Promise<RecordedInvoiceEvent[]> {
  const newest = await newestRevisions(
    manager,
    invoiceEvents.map((event) => event.data.invoiceId),
  );
  return invoiceEvents.filter((event) => {
    const applied = newest.get(event.data.invoiceId);
    if (applied !== undefined && applied >= event.revision) return false;
    newest.set(event.data.invoiceId, event.revision);
    return true;
  });
}

/** The newest transaction revision of each invoice that has one. */
async function newestRevisions(
  manager: EntityManager,
  invoiceIds: readonly string[],
): Promise<Map<string, bigint>> {
  const rows: { invoiceId: string; revision: string }[] = await manager
    .getRepository(InvoiceTransactionRow)
    .createQueryBuilder('transaction')
    .select('transaction.invoiceId', 'invoiceId')
    .addSelect('MAX(transaction.revision)', 'revision')
    .where(
      ...equalsAnyOf(manager, InvoiceTransactionRow, 'transaction', 'invoiceId', [
        ...new Set(invoiceIds),
      ]),
    )
    .groupBy('transaction.invoiceId')
    .getRawMany();
  return new Map(rows.map((row) => [row.invoiceId, BigInt(row.revision)]));
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
      return line(
        'payment',
        paymentId,
        paymentDescription(method),
        amountCents,
        -amountCents,
        paidAt,
      );
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
    // Rule 17: what effects ask the bank for changes; what the customer owes does not.
    case 'EffectRemitted': {
      const { effectId, remittanceId, remittedAt } = event.data;
      const text = `Direct debit sent to the bank in remittance ${remittanceId}`;
      return line('effect-remitted', effectId, text, 0, 0, remittedAt);
    }
    case 'EffectReduced': {
      const { effectId, fromCents, toCents, cause, reason, reducedAt } = event.data;
      const text = `Direct debit reduced from ${describeCents(fromCents)} to ${describeCents(toCents)}: ${reason ?? CAUSE_TEXT[cause]}`;
      return line('effect-reduced', effectId, text, toCents, 0, reducedAt);
    }
    case 'EffectCancelled': {
      const { effectId, amountCents, cause, reason, cancelledAt } = event.data;
      const text = `Direct debit of ${describeCents(amountCents)} cancelled: ${reason ?? CAUSE_TEXT[cause]}`;
      return line('effect-cancelled', effectId, text, amountCents, 0, cancelledAt);
    }
    // Rule 17: available credit moved between the customer's invoices; the balance is unchanged.
    case 'CreditTransferredOut': {
      const { transferId, toInvoiceId, amountCents, transferredAt } = event.data;
      const text = `Available credit of ${describeCents(amountCents)} set against invoice ${toInvoiceId}`;
      return line('credit-out', transferId, text, amountCents, amountCents, transferredAt);
    }
    // Rule 22: an invoice annulled is owed no more (nothing was paid or credited on it).
    case 'InvoiceCancelled': {
      const { formatted, totalCents, reason, cancelledAt } = event.data;
      const text = `Invoice ${formatted} annulled: ${reason}`;
      return line('invoice-cancelled', formatted, text, totalCents, -totalCents, cancelledAt);
    }
    case 'CreditAppliedIn': {
      const { transferId, fromInvoiceId, amountCents, appliedAt } = event.data;
      const text = `Paid with ${describeCents(amountCents)} of available credit from invoice ${fromInvoiceId}`;
      return line('credit-in', transferId, text, amountCents, -amountCents, appliedAt);
    }
    default:
      return assertNever(event, 'invoice event');
  }
}

/** A payment line's description, naming its method (the payments tab reads it back). */
export const paymentDescription = (method: PaymentMethod): string => `Payment (${method})`;

/** The method a payment line's description names; `null` for any other line. */
export function paymentMethodOfDescription(description: string): PaymentMethod | null {
  const method = /^Payment \((.+)\)$/.exec(description)?.[1];
  return PAYMENT_METHODS.find((known) => known === method) ?? null;
}

/** Why an effect asks for less, when no operator gave a reason (rule 17). */
const CAUSE_TEXT: Record<EffectChangeCause, string> = {
  payment: 'a payment lowered what is owed',
  'credit-note': 'a credit note lowered what is owed',
  collection: 'another direct debit collected it',
  operator: 'changed by an operator',
  'available-credit': "the customer's available credit paid part of it",
  'invoice-cancelled': 'the invoice was annulled',
};

const line = (
  kind: Described['kind'],
  reference: string,
  description: string,
  documentCents: number,
  amountCents: number,
  occurredAt: string,
): Described => ({ kind, reference, description, documentCents, amountCents, occurredAt });

/**
 * The direct-debit effects, one row per effect (`evolvePendingEffect`). Only events new to the
 * statement reach it, so it needs no revision of its own.
 */
const pendingEffects: KeyedRowsSpec<PendingEffectRow, RecordedInvoiceEvent> = {
  entity: PendingEffectRow,
  key: 'id',
  canHandle: isRecordedInvoiceEvent,
  keyOf: (event) => ('effectId' in event.data ? event.data.effectId : null),
  evolve: evolvePendingEffect,
};
