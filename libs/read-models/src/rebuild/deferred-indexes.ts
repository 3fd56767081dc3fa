import { quoteIdentifier } from '@app/database';
import type { EventStore } from '@app/event-store';
import { DataSource, EntityManager } from 'typeorm';
import type { Projection } from '../projection';
import { analyzeStatement, FIRST_ANALYZE_AFTER } from './analyze-as-tables-grow';

interface DeferredIndex {
  schema: string;
  indexName: string;
  tableName: string;
  definition: string;
}

/**
 * The tables' secondary indexes in the current schema: neither primary keys nor unique ones,
 * which the projections' upserts and lookups use. Only queries read the others.
 */
const SECONDARY_INDEXES = `
  SELECT current_schema() AS schema, i.relname AS "indexName", t.relname AS "tableName",
         pg_get_indexdef(i.oid) AS definition
  FROM pg_index x
  JOIN pg_class i ON i.oid = x.indexrelid
  JOIN pg_class t ON t.oid = x.indrelid
  WHERE t.relnamespace = current_schema()::regnamespace
    AND t.relname = ANY($1::text[])
    AND NOT x.indisunique AND NOT x.indisprimary
  ORDER BY t.relname, i.relname`;

/**
 * The log position (about as many events, on PostgreSQL and PGlite) from which a rebuild
 * defers the secondary indexes. Below it, building them again costs more than filling them
 * row by row: at 78,398 events the rebuild fell from 0.76 to 0.50 of its bare-INSERT baseline.
 */
export const DEFER_SECONDARY_INDEXES_FROM = 1_000_000;

/** Memory for one index build's sort, for the transaction that builds it. */
const INDEX_BUILD_MEMORY = '256MB';

/**
 * Drops the tables' secondary indexes but those in `keep`, and records their definitions, in
 * the caller's transaction: a rebuild fills empty tables faster without them (each row
 * otherwise lands at a random place in every index) and one sorted build per index afterwards
 * costs less. Answers the indexes deferred.
 */
export async function deferSecondaryIndexes(
  manager: EntityManager,
  tables: readonly string[],
  keep: readonly string[] = [],
): Promise<string[]> {
  const found: DeferredIndex[] = await manager.query(SECONDARY_INDEXES, [tables]);
  const indexes = found.filter((index) => !keep.includes(index.indexName));
  for (const index of indexes) {
    await manager.query(
      `INSERT INTO read_model_deferred_indexes (index_name, table_name, definition)
       VALUES ($1, $2, $3) ON CONFLICT (index_name) DO NOTHING`,
      [index.indexName, index.tableName, index.definition],
    );
    await manager.query(
      `DROP INDEX ${quoteIdentifier(index.schema)}.${quoteIdentifier(index.indexName)}`,
    );
  }
  return indexes.map((index) => index.indexName);
}

/**
 * Creates again every index a rebuild deferred (all of them, or those of `tables`), each in a
 * transaction that also deletes its record, so an index is either recorded or there. Tables
 * are built side by side. Run when a rebuild ends and whenever the read models are opened, so
 * a rebuild that was interrupted cannot leave the queries without their indexes. Answers the
 * indexes created.
 */
export async function restoreDeferredIndexes(
  dataSource: DataSource,
  tables?: readonly string[],
): Promise<string[]> {
  const pending: { indexName: string; tableName: string }[] = await dataSource.query(
    `SELECT index_name AS "indexName", table_name AS "tableName"
     FROM read_model_deferred_indexes ORDER BY table_name, index_name`,
  );
  const byTable = new Map<string, string[]>();
  for (const { indexName, tableName } of pending) {
    if (tables !== undefined && !tables.includes(tableName)) continue;
    byTable.set(tableName, [...(byTable.get(tableName) ?? []), indexName]);
  }
  const created = await Promise.all(
    [...byTable.values()].map(async (names) => {
      const done: string[] = [];
      for (const name of names) if (await restoreIndex(dataSource, name)) done.push(name);
      return done;
    }),
  );
  return created.flat();
}

/** One deferred index created and its record deleted; false if another process did it first. */
async function restoreIndex(dataSource: DataSource, indexName: string): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const [record]: { definition: string }[] = await manager.query(
      'SELECT definition FROM read_model_deferred_indexes WHERE index_name = $1 FOR UPDATE',
      [indexName],
    );
    if (record === undefined) return false;
    await manager.query(`SET LOCAL maintenance_work_mem = '${INDEX_BUILD_MEMORY}'`);
    await manager.query(record.definition.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS '));
    await manager.query('DELETE FROM read_model_deferred_indexes WHERE index_name = $1', [
      indexName,
    ]);
    return true;
  });
}

/**
 * `work` (a rebuild into the emptied `tables`) with their secondary indexes deferred, then
 * the indexes built again and the tables analyzed, also when `work` fails (if building them
 * fails too, the record stays for the next opening of the read models). With `when`, only if
 * the log's head has reached `from` (default `DEFER_SECONDARY_INDEXES_FROM`), and keeping
 * the indexes `keep` answers (`indexesTheLogReads`, asked only then); otherwise
 * `work` alone, then the tables analyzed if the head reached `FIRST_ANALYZE_AFTER` (the
 * rebuild's own ANALYZEs took quick samples).
 */
export async function withSecondaryIndexesDeferred<T>(
  dataSource: DataSource,
  tables: readonly string[],
  work: () => Promise<T>,
  when?: { logHead: bigint; from?: number; keep?: () => Promise<readonly string[]> },
): Promise<T> {
  if (when && when.logHead < BigInt(when.from ?? DEFER_SECONDARY_INDEXES_FROM)) {
    const result = await work();
    if (when.logHead >= BigInt(FIRST_ANALYZE_AFTER)) await analyze(dataSource, tables);
    return result;
  }
  const keep = (await when?.keep?.()) ?? [];
  await dataSource.transaction((manager) => deferSecondaryIndexes(manager, tables, keep));
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await restoreDeferredIndexes(dataSource, tables).catch(() => undefined);
    throw error;
  }
  await restoreDeferredIndexes(dataSource, tables);
  await analyze(dataSource, tables);
  return result;
}

/** ANALYZE at the server's statistics target: what the read models' queries plan with. */
const analyze = (dataSource: DataSource, tables: readonly string[]): Promise<unknown> =>
  dataSource.query(analyzeStatement(tables));

/**
 * The secondary indexes a rebuild of `projections` must keep: those a projection reads on an
 * event type (`RebuildDescriptor.indexesReadOn`) of which the log holds at least one event. One
 * read of at most one event per such type.
 */
export async function indexesTheLogReads(
  store: Pick<EventStore, 'readAll'>,
  projections: readonly Pick<Projection, 'rebuild'>[],
): Promise<string[]> {
  const byType = new Map<string, Set<string>>();
  for (const projection of projections)
    for (const [type, indexes] of Object.entries(projection.rebuild?.indexesReadOn ?? {}))
      for (const index of indexes) byType.set(type, (byType.get(type) ?? new Set()).add(index));
  const kept = new Set<string>();
  for (const [type, indexes] of byType) {
    const [found] = await store.readAll({ eventTypes: [type], limit: 1 });
    if (found !== undefined) for (const index of indexes) kept.add(index);
  }
  return [...kept].sort();
}
