import { PgliteDatabase, PostgresDatabase, quoteIdentifier, SqlDatabase } from '@app/database';

/** A PostgreSQL database isolated in its own fresh schema, dropped by `dispose`. */
export async function openTestPostgres(
  databaseUrl: string,
  label: string,
  poolSize = 10,
): Promise<{ db: PostgresDatabase; dispose(): Promise<void> }> {
  const schema = `test_${label}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const db = await PostgresDatabase.open({ connectionString: databaseUrl, schema, poolSize });
  return {
    db,
    async dispose() {
      await db.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
      await db.close();
    },
  };
}

export async function openTestPglite(): Promise<{ db: SqlDatabase; dispose(): Promise<void> }> {
  const db = await PgliteDatabase.open();
  return { db, dispose: () => db.close() };
}
