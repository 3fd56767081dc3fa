import { quoteIdentifier } from '@app/database';
import { EntityManager } from 'typeorm';

/** One row that differs between the live read models and the rebuild. */
export interface RowDifference {
  table: string;
  key: Record<string, unknown>;
  /** `changed`: both have the row; `missing`: only the rebuild has it; `extra`: only live. */
  kind: 'changed' | 'missing' | 'extra';
  columns: { column: string; live: unknown; rebuilt: unknown }[];
}

async function primaryKeyOf(
  manager: EntityManager,
  schema: string,
  table: string,
): Promise<string[]> {
  const rows: { column_name: string }[] = await manager.query(
    `SELECT a.attname AS column_name
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)
      WHERE i.indisprimary AND n.nspname = $1 AND c.relname = $2
      ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    [schema, table],
  );
  if (rows.length === 0)
    throw new Error(`Table ${schema}.${table} has no primary key to compare by`);
  return rows.map((row) => row.column_name);
}

/**
 * The rows of `table` that differ between two schemas, compared in the database (a full outer
 * join on the primary key, whole rows as jsonb) so only the differences reach this process;
 * at most `limit` of them.
 */
export async function tableDifferences(
  manager: EntityManager,
  table: string,
  schemas: { live: string; rebuilt: string },
  limit = 1000,
): Promise<RowDifference[]> {
  const key = await primaryKeyOf(manager, schemas.live, table);
  const live = `${quoteIdentifier(schemas.live)}.${quoteIdentifier(table)}`;
  const rebuilt = `${quoteIdentifier(schemas.rebuilt)}.${quoteIdentifier(table)}`;
  const on = key.map((column) => `l.${quoteIdentifier(column)} = r.${quoteIdentifier(column)}`);
  const rows: { live: Record<string, unknown> | null; rebuilt: Record<string, unknown> | null }[] =
    await manager.query(
      `SELECT to_jsonb(l) AS live, to_jsonb(r) AS rebuilt
         FROM ${live} l FULL OUTER JOIN ${rebuilt} r ON ${on.join(' AND ')}
        WHERE to_jsonb(l) IS DISTINCT FROM to_jsonb(r)
        ORDER BY ${key.map((column) => `coalesce(l.${quoteIdentifier(column)}, r.${quoteIdentifier(column)})`).join(', ')}
        LIMIT ${Number(limit)}`,
    );
  return rows.map((row) => {
    const either = (row.live ?? row.rebuilt)!;
    const keyOf = Object.fromEntries(key.map((column) => [column, either[column]]));
    if (row.live === null) return { table, key: keyOf, kind: 'missing', columns: [] };
    if (row.rebuilt === null) return { table, key: keyOf, kind: 'extra', columns: [] };
    const liveRow = row.live;
    const rebuiltRow = row.rebuilt;
    const columns = Object.keys({ ...liveRow, ...rebuiltRow })
      .filter((column) => JSON.stringify(liveRow[column]) !== JSON.stringify(rebuiltRow[column]))
      .map((column) => ({ column, live: liveRow[column], rebuilt: rebuiltRow[column] }));
    return { table, key: keyOf, kind: 'changed', columns };
  });
}
