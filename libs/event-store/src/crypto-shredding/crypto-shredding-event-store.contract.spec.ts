import { SqlDatabase } from '@app/database';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { eventStoreContract } from '../testing/event-store.contract';
import { openTestPglite } from '../testing/test-databases';
import { CryptoShreddingEventStore } from './crypto-shredding-event-store';
import { SqlPersonalDataKeys } from './personal-data-keys';

let opened: { db: SqlDatabase; dispose(): Promise<void> } | undefined;

// The decorator is an EventStore like any other: it must pass the same contract.
eventStoreContract({
  name: 'crypto-shredding decorator over the PostgreSQL adapter on PGlite',
  async open({ upcasters }) {
    opened = await openTestPglite();
    const log = await PostgresEventStore.create(opened.db, { pollIntervalMs: 20 });
    const keys = await SqlPersonalDataKeys.create(opened.db);
    const policy = {
      subjectField: 'personId',
      erasureEventType: 'PersonErased',
      events: { PersonNamed: { paths: { name: '[erased]' } } },
    };
    return new CryptoShreddingEventStore(log, keys, policy, upcasters);
  },
  dispose: async () => opened?.dispose(),
});
