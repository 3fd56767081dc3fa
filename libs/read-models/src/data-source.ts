import { SqlDatabase, typeormDriverFor } from '@app/database';
import { DataSource } from 'typeorm';
import { readModelEntities } from './entities';
import { readModelMigrations } from './migrations';
import { restoreDeferredIndexes } from './rebuild/deferred-indexes';

/**
 * The read models' TypeORM DataSource, on the same database as the rest of the process
 * (through our driver, so on PGlite it shares the one serialized session). Schema changes
 * come only from migrations; `synchronize` stays off. Indexes an interrupted rebuild had
 * deferred are created again before it answers (see `deferSecondaryIndexes`).
 */
export async function openReadModels(database: SqlDatabase): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    driver: typeormDriverFor(database),
    entities: readModelEntities,
    migrations: readModelMigrations,
    migrationsTableName: 'read_model_migrations',
    synchronize: false,
    logging: false,
  });
  await dataSource.initialize();
  await migrateReadModels(dataSource, database);
  await restoreDeferredIndexes(dataSource);
  return dataSource;
}

/** Runs pending migrations, one process at a time (several may boot together on PostgreSQL). */
async function migrateReadModels(dataSource: DataSource, database: SqlDatabase): Promise<void> {
  // PGlite is one process's private session: nobody to race, and a held lease would block
  // the migrations' own connection.
  if (database.kind === 'pglite') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock(7295836122)');
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock(7295836122)');
    }
  } finally {
    await runner.release();
  }
}
