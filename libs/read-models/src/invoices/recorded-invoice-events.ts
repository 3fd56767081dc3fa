import { InvoiceDocumentEvent, isInvoiceDocumentEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';

type Recorded<E> = E extends { type: string; data: unknown }
  ? RecordedEvent<E['type'], E['data']>
  : never;

/** An invoice or credit-note event (drafts left out) as read from the log: the domain's union inside the log's envelope. */
export type RecordedInvoiceEvent = Recorded<InvoiceDocumentEvent>;

export const isRecordedInvoiceEvent = (event: RecordedEvent): event is RecordedInvoiceEvent =>
  isInvoiceDocumentEvent(event);
