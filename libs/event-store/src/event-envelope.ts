import { v4 as uuid } from 'uuid';
import { EventMetadata, NewEvent, RecordedEvent } from './event-store.port';
import { InvalidAppendError } from './errors';
import { UpcasterRegistry } from './upcasting/upcaster-registry';

/** An event ready to be written: id and every metadata field filled in. */
export interface PreparedEvent {
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

export type Clock = () => Date;

/** Fills in what the writer left out: id, occurredAt, actor, correlation, schema version. */
export function prepareEvents(
  stream: string,
  events: NewEvent[],
  upcasters: UpcasterRegistry,
  clock: Clock,
): PreparedEvent[] {
  if (!stream) throw new InvalidAppendError('A stream name is required');
  if (events.length === 0) throw new InvalidAppendError(`No events to append to ${stream}`);
  const now = clock().toISOString();
  return events.map((event) => {
    if (!event.type) throw new InvalidAppendError(`An event for ${stream} has no type`);
    const id = event.id ?? uuid();
    const metadata = event.metadata ?? {};
    return {
      id,
      type: event.type,
      data: event.data ?? null,
      metadata: {
        ...metadata,
        actor: metadata.actor ?? 'system',
        correlationId: metadata.correlationId ?? id,
        causationId: metadata.causationId ?? null,
        occurredAt: metadata.occurredAt ?? now,
        schemaVersion: metadata.schemaVersion ?? upcasters.currentVersion(event.type),
      },
    };
  });
}

/** Builds the event readers see: upcast to the current schema version of its type. */
export function toRecordedEvent(
  stored: Omit<RecordedEvent, 'metadata'> & { metadata: EventMetadata },
  upcasters: UpcasterRegistry,
): RecordedEvent {
  const upcast = upcasters.upcast({
    type: stored.type,
    data: stored.data,
    schemaVersion: stored.metadata.schemaVersion,
  });
  if (upcast.schemaVersion === stored.metadata.schemaVersion) return stored;
  return {
    ...stored,
    data: upcast.data,
    metadata: { ...stored.metadata, schemaVersion: upcast.schemaVersion },
  };
}
