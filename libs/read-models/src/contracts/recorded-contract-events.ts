import {
  ContractEvent,
  isContractEvent,
  isSubscriptionEvent,
  SubscriptionEvent,
} from '@app/domain';
import type { RecordedEvent } from '@app/event-store';

type Recorded<E> = E extends { type: string; data: unknown }
  ? RecordedEvent<E['type'], E['data']>
  : never;

/** A contract event as read from the log: the domain's union inside the log's envelope. */
export type RecordedContractEvent = Recorded<ContractEvent>;

/** A subscription event as read from the log. */
export type RecordedSubscriptionEvent = Recorded<SubscriptionEvent>;

export const isRecordedContractEvent = (event: RecordedEvent): event is RecordedContractEvent =>
  isContractEvent(event);

export const isRecordedSubscriptionEvent = (
  event: RecordedEvent,
): event is RecordedSubscriptionEvent => isSubscriptionEvent(event);
