import { quoteIdentifier } from '@app/database';
import { Projection } from '../projection';
import type { ProjectionRunnerOptions } from './projection-runner';

/**
 * Events per batch when rebuilding from the log: large enough that statements per event stay
 * few, small enough that memory stays bounded (a batch is read and held whole).
 */
export const REBUILD_BATCH_SIZE = 5000;

/** Batches a projection may run ahead of the slowest one during a rebuild. */
export const REBUILD_READ_AHEAD = 2;

/** Events applied before the first ANALYZE; each later one waits for twice as many. */
const FIRST_ANALYZE_AFTER = 200_000;

type BatchProgress = Parameters<NonNullable<ProjectionRunnerOptions['onBatch']>>[0];

/**
 * How a rebuild (`rebuild`, `verify`, the bench's rebuild stage) runs the projection runner:
 * batches of `REBUILD_BATCH_SIZE`, a transaction per projection side by side, each projection
 * up to `REBUILD_READ_AHEAD` batches ahead of the slowest, and the tables analyzed as they grow;
 * `onBatch` (progress) runs first once every projection has a batch.
 */
export function rebuildRunnerOptions(
  dataSource: { query(sql: string): Promise<unknown> },
  projections: readonly Projection[],
  onBatch?: (progress: BatchProgress) => void,
): ProjectionRunnerOptions {
  const analyze = analyzeAsTablesGrow(dataSource, projections);
  return {
    batchSize: REBUILD_BATCH_SIZE,
    transactions: projections.length,
    readAhead: REBUILD_READ_AHEAD,
    onBatch: async (progress) => {
      onBatch?.(progress);
      await analyze(progress);
    },
  };
}

/**
 * A rebuild's `onBatch`: runs ANALYZE on the projections' tables once `firstAfter` events
 * were applied, then each time the count doubles (a handful of times for millions of events).
 * A table filled from empty faster than autovacuum looks at it (or where autovacuum is off)
 * keeps the planner's guesses for an empty table, and its upserts' lookups turn into
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
    await dataSource.query(`ANALYZE ${tables.map(quoteIdentifier).join(', ')}`);
  };
}
