import { quoteIdentifier, SqlDatabase, SqlLease } from '@app/database';

/**
 * The same database seen through another schema: every query, transaction and lease runs with
 * `search_path` set to `schema`, and leaves the connection as it found it. Read models opened
 * on it (their migrations and projections use unqualified table names) live in that schema.
 * Works on a `pg` pool and on the one PGlite session alike; closing it leaves `database` open.
 */
export function searchPathDatabase(database: SqlDatabase, schema: string): SqlDatabase {
  const setLocal = `SET LOCAL search_path TO ${quoteIdentifier(schema)}`;
  return {
    kind: database.kind,
    description: `${database.description} (schema ${schema})`,
    query: (text, params) =>
      database.transaction(async (tx) => {
        await tx.query(setLocal);
        return tx.query(text, params);
      }),
    transaction: (work) =>
      database.transaction(async (tx) => {
        await tx.query(setLocal);
        return work(tx);
      }),
    async lease(): Promise<SqlLease> {
      const lease = await database.lease();
      await lease.query(`SET search_path TO ${quoteIdentifier(schema)}`);
      return {
        query: (text, params) => lease.query(text, params),
        copyFrom: (target, chunks) => lease.copyFrom(target, chunks),
        release: () => {
          void lease.query('RESET search_path').finally(() => lease.release());
        },
      };
    },
    close: async () => undefined,
  };
}
