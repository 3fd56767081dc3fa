import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { openDatabase, SqlDatabase } from '@app/database';
import { personalDataPolicy } from '@app/domain';
import { eventUpcasters } from '@app/domain/upcasters';
import { createEventStore, EVENT_STORE, EventStore, UpcasterRegistry } from '@app/event-store';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG, SQL_DATABASE } from './tokens';

/**
 * Opens the storage chosen by configuration (ARCHITECTURE rule 9) once per process:
 * nothing set → embedded PGlite in DATA_DIR; DATABASE_URL → PostgreSQL;
 * EVENTSTORE_CONNECTION_STRING → EventStoreDB for the log.
 */
@Global()
@Module({
  providers: [
    {
      provide: SQL_DATABASE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        openDatabase({
          databaseUrl: config.DATABASE_URL,
          dataDir: config.DATA_DIR,
          schema: config.DATABASE_SCHEMA,
          preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
        }),
    },
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG, SQL_DATABASE],
      useFactory: (config: AppConfig, database: SqlDatabase) =>
        createEventStore(database, {
          eventStoreConnectionString: config.EVENTSTORE_CONNECTION_STRING,
          pollIntervalMs: config.EVENT_POLL_INTERVAL_MS,
          upcasters: UpcasterRegistry.of(eventUpcasters),
          // Crypto-shredding: the personal fields every event type declares are sealed per customer.
          personalData: personalDataPolicy,
        }),
    },
  ],
  exports: [SQL_DATABASE, EVENT_STORE],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(
    @Inject(SQL_DATABASE) private readonly database: SqlDatabase,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.eventStore.close();
    await this.database.close();
  }
}
