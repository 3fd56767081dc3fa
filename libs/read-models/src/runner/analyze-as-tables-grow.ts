import { Projection } from '../projection';

/** Events applied before the first ANALYZE; each later one waits for twice as many. */
const FIRST_ANALYZE_AFTER = 200_000;

/**
 * A rebuild's `onBatch`: runs ANALYZE on the projections' tables once `FIRST_ANALYZE_AFTER`
 * events were applied, then each time the count doubles (a handful of times for millions of
 * events). A table filled from empty faster than autovacuum looks at it (or where autovacuum is
 * off) keeps the planner's guesses for an empty table, and its upserts' lookups turn into
 * sequential scans that grow with every batch.
 */
export function analyzeAsTablesGrow(
  dataSource: { query(sql: string): Promise<unknown> },
  projections: readonly Pick<Projection, 'tables'>[],
  firstAfter = FIRST_ANALYZE_AFTER,
): (batch: { events: number }) => Promise<void> {
  const tables = projections.flatMap((projection) => projection.tables);
  let applied = 0;
  let next = firstAfter;
  return async ({ events }) => {
    applied += events;
    if (applied < next || tables.length === 0) return;
    next = applied * 2;
    await dataSource.query(`ANALYZE ${tables.map((table) => `"${table}"`).join(', ')}`);
  };
}
