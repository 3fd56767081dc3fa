import { INVOICE_DOCUMENT_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { applyToKeyedRows, KeyedRowsSpec } from '../rows/keyed-rows';
import { InvoiceCreditNoteRow, InvoiceRow } from './invoice.entity';
import { evolveInvoiceRow } from './invoice.evolve';
import { isRecordedInvoiceEvent, RecordedInvoiceEvent } from './recorded-invoice-events';

/**
 * Invoices and their credit notes: `evolveInvoiceRow` over each invoice's stream (its keyed
 * rows, as `keyedRowProjection` writes them), and a row per credit note granted.
 */
export class InvoicesProjection implements Projection {
  readonly name = 'invoices';
  readonly handles: readonly string[] = INVOICE_DOCUMENT_EVENT_TYPES;
  readonly tables = ['invoices', 'invoice_credit_notes'];

  // Idempotent: a revision already applied (a replayed batch, a duplicate delivery) is skipped,
  // and a credit note written again (keyed by its id) is written the same.
  async applyBatch(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    await applyToKeyedRows(invoiceRows, events, manager);
    const creditNotes = new Map<string, InvoiceCreditNoteRow>();
    for (const event of events) {
      if (isRecordedInvoiceEvent(event) && event.type === 'CreditNoteGranted')
        creditNotes.set(event.data.creditNoteId, creditNoteRow(event));
    }
    if (creditNotes.size > 0)
      await manager.getRepository(InvoiceCreditNoteRow).upsert([...creditNotes.values()], ['id']);
  }
}

const invoiceRows: KeyedRowsSpec<InvoiceRow, RecordedInvoiceEvent> = {
  entity: InvoiceRow,
  key: 'id',
  canHandle: isRecordedInvoiceEvent,
  keyOf: (event) => event.data.invoiceId,
  evolve: evolveInvoiceRow,
  lastRevisionOf: (row) => row.lastRevision,
};

/** A credit note's row: pure. */
export function creditNoteRow(
  event: Extract<RecordedInvoiceEvent, { type: 'CreditNoteGranted' }>,
): InvoiceCreditNoteRow {
  const { data } = event;
  return {
    id: data.creditNoteId,
    invoiceId: data.invoiceId,
    customerId: data.customerId,
    series: data.series,
    number: data.number,
    formatted: data.formatted,
    rectifies: data.rectifies,
    reason: data.reason,
    lines: data.lines,
    netCents: data.totals.netCents,
    vatCents: data.totals.vatCents,
    totalCents: data.totals.totalCents,
    migrationId: data.migrationId,
    grantedAt: data.grantedAt,
    issueDate: data.issueDate ?? null,
    position: Number(event.position),
  };
}
