import { SqlDatabase } from '@app/database';
import { eventStoreContract } from '../testing/event-store.contract';
import { openTestPglite } from '../testing/test-databases';
import { PostgresEventStore } from './postgres-event-store';

let opened: { db: SqlDatabase; dispose(): Promise<void> } | undefined;

eventStoreContract({
  name: 'PostgreSQL adapter on embedded PGlite (in memory)',
  async open({ upcasters }) {
    opened = await openTestPglite();
    return PostgresEventStore.create(opened.db, { upcasters, pollIntervalMs: 20 });
  },
  dispose: async () => opened?.dispose(),
});
