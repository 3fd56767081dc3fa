import { SqlDatabase } from '@app/database';
import { EventStore } from './event-store.port';
import { Clock } from './event-envelope';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { UpcasterRegistry } from './upcasting/upcaster-registry';

export interface EventStoreSettings {
  /** When set, the log lives in EventStoreDB; otherwise in the SQL database. */
  eventStoreConnectionString?: string;
  upcasters?: UpcasterRegistry;
  clock?: Clock;
  pollIntervalMs?: number;
}

/** ARCHITECTURE rule 9: `EVENTSTORE_CONNECTION_STRING` → EventStoreDB; else the SQL database. */
export async function createEventStore(
  database: SqlDatabase,
  settings: EventStoreSettings = {},
): Promise<EventStore> {
  if (settings.eventStoreConnectionString) {
    return EventStoreDbEventStore.connect(settings.eventStoreConnectionString, settings);
  }
  return PostgresEventStore.create(database, settings);
}
