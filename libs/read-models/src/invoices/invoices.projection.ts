import { INVOICE_DOCUMENT_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { InvoiceCreditNoteRow, InvoiceRow } from './invoice.entity';
import { evolveInvoiceRow } from './invoice.evolve';
import { isRecordedInvoiceEvent, RecordedInvoiceEvent } from './recorded-invoice-events';

/** Invoices and their credit notes: `evolveInvoiceRow` over each invoice's stream. */
export class InvoicesProjection implements Projection {
  readonly name = 'invoices';
  readonly handles: readonly string[] = INVOICE_DOCUMENT_EVENT_TYPES;
  readonly tables = ['invoices', 'invoice_credit_notes'];

  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    if (!isRecordedInvoiceEvent(event)) return;
    const invoices = manager.getRepository(InvoiceRow);
    const current = await invoices.findOneBy({ id: event.data.invoiceId });
    // Idempotent: a revision already applied (a replayed batch, a duplicate delivery) is skipped.
    if (current !== null && BigInt(current.lastRevision) >= event.revision) return;
    const next = evolveInvoiceRow(current, event);
    if (next === null) return;
    await invoices.upsert(next, ['id']);
    if (event.type === 'CreditNoteGranted')
      await manager.getRepository(InvoiceCreditNoteRow).upsert(creditNoteRow(event), ['id']);
  }
}

function creditNoteRow(
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
    position: Number(event.position),
  };
}
