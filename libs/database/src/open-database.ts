import { resolve } from 'node:path';
import { PgliteDatabase } from './pglite-database';
import { PostgresDatabase } from './postgres-database';
import { SqlDatabase } from './sql-database';

export interface DatabaseSettings {
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl?: string;
  /** Where PGlite keeps its files; `memory://` (or undefined with `inMemory`) for none. */
  dataDir?: string;
  /** PostgreSQL schema (search_path), used by tests to isolate themselves. */
  schema?: string;
  poolSize?: number;
  /** PostgreSQL: run registered texts as named prepared statements (default true). */
  preparedStatements?: boolean;
}

/** ARCHITECTURE rule 9: `DATABASE_URL` → PostgreSQL; nothing → embedded PGlite in `DATA_DIR`. */
export async function openDatabase(settings: DatabaseSettings): Promise<SqlDatabase> {
  if (settings.databaseUrl) {
    return PostgresDatabase.open({
      connectionString: settings.databaseUrl,
      schema: settings.schema,
      poolSize: settings.poolSize,
      preparedStatements: settings.preparedStatements,
    });
  }
  if (!settings.dataDir || settings.dataDir === 'memory://') return PgliteDatabase.open();
  // One writer per DATA_DIR: `DATA_DIR/pglite.lock` names the process that has it open.
  return PgliteDatabase.open({
    dataDir: resolve(settings.dataDir, 'pglite'),
    lockFile: resolve(settings.dataDir, 'pglite.lock'),
  });
}
