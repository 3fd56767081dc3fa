import { PostgresDatabase } from '@app/database';
import { eventStoreContract, skippedContract } from '../testing/event-store.contract';
import { openTestPostgres } from '../testing/test-databases';
import { PostgresEventStore } from './postgres-event-store';

const databaseUrl = process.env.DATABASE_URL;
let opened: { db: PostgresDatabase; dispose(): Promise<void> } | undefined;

if (databaseUrl) {
  eventStoreContract({
    name: `PostgreSQL adapter on ${new URL(databaseUrl).host} (pg)`,
    async open({ upcasters }) {
      opened = await openTestPostgres(databaseUrl, 'contract');
      return PostgresEventStore.create(opened.db, { upcasters, pollIntervalMs: 20 });
    },
    dispose: async () => opened?.dispose(),
  });
} else {
  skippedContract('PostgreSQL adapter (pg)', 'DATABASE_URL is not set');
}
