import { InvoiceEvent, isInvoiceEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';

type Recorded<E> = E extends { type: string; data: unknown }
  ? RecordedEvent<E['type'], E['data']>
  : never;

/** An invoice event as read from the log: the domain's union inside the log's envelope. */
export type RecordedInvoiceEvent = Recorded<InvoiceEvent>;

export const isRecordedInvoiceEvent = (event: RecordedEvent): event is RecordedInvoiceEvent =>
  isInvoiceEvent(event);
