import type { BenchStorage } from '../support/bench-storage';
import { StreamAppend } from './workload-stream';
import { GeneratedWorkload } from './generate-workload';

export interface LoadedWorkload {
  events: number;
  streams: number;
  seconds: number;
  /** Set when an earlier run's database was used as it was (`--reuse-database`): not loaded. */
  reused?: boolean;
  /** Set when no stage asked for needed a database (`--only numbering`): nothing loaded. */
  notLoaded?: boolean;
}

/** What an earlier run left in the database, statistics refreshed: `--reuse-database`. */
export async function reuseLoadedWorkload(
  storage: BenchStorage,
): Promise<{ loaded: LoadedWorkload; customerIds: string[]; customers: undefined }> {
  await storage.db.query('ANALYZE');
  const { rows } = await storage.db.query<{ events: string; streams: string }>(
    'SELECT (SELECT count(*) FROM es_events) AS events, (SELECT count(*) FROM es_streams) AS streams',
  );
  const customers = await storage.db.query<{ id: string }>(
    "SELECT substr(stream_id, 10) AS id FROM es_streams WHERE stream_id LIKE 'customer-%' ORDER BY stream_id",
  );
  if (Number(rows[0].events) === 0) throw new Error('--reuse-database: the database holds no log');
  return {
    loaded: {
      events: Number(rows[0].events),
      streams: Number(rows[0].streams),
      seconds: 0,
      reused: true,
    },
    customerIds: customers.rows.map((row) => row.id),
    customers: undefined,
  };
}

/**
 * Appends the workload's events through the event store's bulk append (`appendStreamsWithin`:
 * the rows `appendWithin` would write, four statements per batch instead of four per stream),
 * one transaction per batch of streams, each event sealed first as the service's store seals
 * it (customers' personal data). One transaction at a time, so the log holds the events in
 * the order they were decided (a stream appended by two batches at once could take them in
 * either order); the next batch is sealed while the previous one commits. Ends with ANALYZE.
 */
export async function loadWorkload(
  storage: BenchStorage,
  workload: GeneratedWorkload,
): Promise<LoadedWorkload> {
  const started = performance.now();
  let events = 0;
  let streams = 0;
  let committing: Promise<void> = Promise.resolve();
  for (const batch of workload.batches()) {
    streams += batch.length;
    for (const append of batch) events += append.events.length;
    // Sealed outside the transaction: keys are created on connections of their own (on
    // PGlite, the one session the transaction would be holding).
    const sealed = await sealBatch(storage, batch);
    await committing;
    committing = storage.db.transaction(async (tx) => {
      const prepared = sealed.map(({ stream, events: newEvents }) => ({
        stream,
        events: storage.log.prepare(stream, newEvents),
      }));
      await storage.log.appendStreamsWithin(tx, prepared);
    });
    committing.catch(() => undefined); // awaited before the next batch; a failure stops the load
  }
  await committing;
  // As after any bulk load: statistics for the planner (autovacuum may be late, or off).
  await storage.db.query('ANALYZE');
  return { events, streams, seconds: (performance.now() - started) / 1000 };
}

function sealBatch(storage: BenchStorage, batch: StreamAppend[]): Promise<StreamAppend[]> {
  return Promise.all(
    batch.map(async ({ stream, events }) => ({
      stream,
      events: await Promise.all(events.map((event) => storage.store.seal(event))),
    })),
  );
}
