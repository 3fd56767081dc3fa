import { SqlDatabase } from '@app/database';
import { EventStore } from './event-store.port';
import { Clock } from './event-envelope';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { UpcasterRegistry } from './upcasting/upcaster-registry';
import { CryptoShreddingEventStore } from './crypto-shredding/crypto-shredding-event-store';
import { SqlPersonalDataKeys } from './crypto-shredding/personal-data-keys';
import { PersonalDataPolicy } from './crypto-shredding/personal-data-policy';

export interface EventStoreSettings {
  /** When set, the log lives in EventStoreDB; otherwise in the SQL database. */
  eventStoreConnectionString?: string;
  upcasters?: UpcasterRegistry;
  clock?: Clock;
  pollIntervalMs?: number;
  /** When set, personal data is sealed per subject, its keys in the SQL database. */
  personalData?: PersonalDataPolicy;
}

/** ARCHITECTURE rule 9: `EVENTSTORE_CONNECTION_STRING` → EventStoreDB; else the SQL database. */
export async function createEventStore(
  database: SqlDatabase,
  settings: EventStoreSettings = {},
): Promise<EventStore> {
  const { personalData, upcasters, ...rest } = settings;
  if (!personalData) return createLogStore(database, settings);
  // Upcasters run in the decorator, after opening: the log store gets none.
  const log = await createLogStore(database, rest);
  const keys = await SqlPersonalDataKeys.create(database);
  return new CryptoShreddingEventStore(log, keys, personalData, upcasters);
}

async function createLogStore(
  database: SqlDatabase,
  settings: EventStoreSettings,
): Promise<EventStore> {
  if (settings.eventStoreConnectionString) {
    // Loaded only where configured: its gRPC client takes a fifth of a second to load.
    const { EventStoreDbEventStore } = await import('./eventstoredb/eventstoredb-event-store');
    return EventStoreDbEventStore.connect(settings.eventStoreConnectionString, settings);
  }
  return PostgresEventStore.create(database, settings);
}
