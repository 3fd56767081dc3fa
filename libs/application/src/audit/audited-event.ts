import { RecordedEvent } from '@app/event-store';

/** An event as the audit endpoints show it: everything, with 64-bit numbers as JSON numbers. */
export function auditedEvent(event: RecordedEvent) {
  return {
    id: event.id,
    stream: event.stream,
    revision: Number(event.revision),
    version: Number(event.revision) + 1,
    position: Number(event.position),
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  };
}
