import { SqlDatabase } from '@app/database';
import { EventStore } from '@app/event-store';
import {
  allReadModelProjections,
  indexesTheLogReads,
  Projection,
  RebuildRunner,
  withSecondaryIndexesDeferred,
} from '@app/read-models';
import { DataSource } from 'typeorm';
import { round } from '../support/measure';

export interface RebuildFigures {
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

/**
 * Every read model's tables, emptied with their checkpoints and parked events: the rebuild's
 * starting point.
 */
export async function emptyReadModels(db: SqlDatabase): Promise<string[]> {
  const tables = allReadModelProjections().flatMap((projection) => projection.tables);
  await db.query(
    `TRUNCATE ${[...tables, 'projection_checkpoints', 'projection_parked_events'].join(', ')}`,
  );
  return tables;
}

/**
 * The same projections applying each event as a batch of one, as before batching. For the
 * before/after comparison in one run (`--rebuild-per-event`).
 */
const perEvent = (projection: Projection): Projection => ({
  name: projection.name,
  handles: projection.handles,
  tables: projection.tables,
  applyBatch: async (events, manager) => {
    for (const event of events) await projection.applyBatch([event], manager);
  },
});

/**
 * From empty read models to caught up with the whole log, as `npm run cli -- rebuild` does it:
 * through the runner's rebuild mode; once the log reaches REBUILD_DEFER_INDEXES_FROM, secondary
 * indexes deferred, then built and analyzed (timed).
 */
export async function rebuildProjections(
  db: SqlDatabase,
  store: EventStore,
  readModels: DataSource,
  mode: 'batched' | 'per-event' = 'batched',
): Promise<RebuildFigures> {
  const { rows } = await db.query<{ count: string }>('SELECT count(*) AS count FROM es_events');
  const events = Number(rows[0].count);
  const projections = allReadModelProjections();
  const runner = new RebuildRunner(
    store,
    readModels,
    mode === 'batched' ? projections : projections.map(perEvent),
    process.env.BENCH_REBUILD_BATCH ? { batchSize: Number(process.env.BENCH_REBUILD_BATCH) } : {},
  );
  const tables = projections.flatMap((projection) => projection.tables);
  // As `npm run cli -- rebuild` decides, REBUILD_DEFER_INDEXES_FROM included.
  const deferFrom = process.env.REBUILD_DEFER_INDEXES_FROM;
  const when = {
    logHead: (await store.lastCommittedPosition()) ?? 0n,
    from: deferFrom === undefined ? undefined : Number(deferFrom),
    keep: () => indexesTheLogReads(store, projections),
  };
  const started = performance.now();
  await withSecondaryIndexesDeferred(readModels, tables, () => runner.catchUp(), when);
  const seconds = (performance.now() - started) / 1000;
  return { events, seconds: round(seconds), eventsPerSecond: round(events / seconds, 0) };
}
