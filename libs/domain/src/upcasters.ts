import {
  InteractionRecordedV1Data,
  upcastInteractionRecordedV1,
} from './customer/upcasters/interaction-recorded.v1';
import {
  SubscriptionSuspendedV1Data,
  upcastSubscriptionSuspendedV1,
} from './subscription/upcasters/subscription-suspended.v1';

/**
 * How old versions of events are raised to the current one when read (see docs/event-store.md,
 * "How to evolve an event"). Pure functions; the event store applies them on every read.
 */
export interface EventUpcaster {
  eventType: string;
  /** The stored schema version this upcaster reads; it returns data at `fromVersion + 1`. */
  fromVersion: number;
  upcast(data: unknown): unknown;
}

export const eventUpcasters: EventUpcaster[] = [
  {
    eventType: 'InteractionRecorded',
    fromVersion: 1,
    upcast: (data) => upcastInteractionRecordedV1(data as InteractionRecordedV1Data),
  },
  {
    eventType: 'SubscriptionSuspended',
    fromVersion: 1,
    upcast: (data) => upcastSubscriptionSuspendedV1(data as SubscriptionSuspendedV1Data),
  },
];
