import { SqlDatabase } from '@app/database';
import { openTestPglite, openTestPostgres } from '@app/event-store/testing/test-databases';
import { DataSource } from 'typeorm';
import { openReadModels } from '../data-source';

const databaseUrl = process.env.DATABASE_URL;

/** Where the specs run: PostgreSQL when DATABASE_URL is set (`.ci/run`), else PGlite. */
export const testDatabaseName = databaseUrl ? 'PostgreSQL' : 'PGlite';

export interface TestReadModels {
  db: SqlDatabase;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** Migrated read models on a fresh database (a schema of its own on PostgreSQL). */
export async function openTestReadModels(label: string): Promise<TestReadModels> {
  const db = databaseUrl ? await openTestPostgres(databaseUrl, label) : await openTestPglite();
  const dataSource = await openReadModels(db.db);
  return {
    db: db.db,
    dataSource,
    async close() {
      await dataSource.destroy();
      await db.dispose();
    },
  };
}
