import { CustomerEvent, isCustomerEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';

type Recorded<E> = E extends CustomerEvent ? RecordedEvent<E['type'], E['data']> : never;

/** A customer event as read from the log: the domain's union inside the log's envelope. */
export type RecordedCustomerEvent = Recorded<CustomerEvent>;

export const isRecordedCustomerEvent = (event: RecordedEvent): event is RecordedCustomerEvent =>
  isCustomerEvent(event);
