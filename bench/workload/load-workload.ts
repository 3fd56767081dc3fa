import type { BenchStorage } from '../support/bench-storage';
import { StreamAppend } from './workload-stream';
import { GeneratedWorkload } from './generate-workload';

export interface LoadedWorkload {
  events: number;
  streams: number;
  seconds: number;
}

/**
 * Appends the workload's events through the event store's own append SQL (`appendWithin`),
 * one transaction per batch of streams, each event sealed first as the service's store seals
 * it (customers' personal data). One transaction at a time, so the log holds the events in
 * the order they were decided (a stream appended by two batches at once could take them in
 * either order); the next batch is sealed while the previous one commits.
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
      for (const { stream, events: newEvents } of sealed) {
        const prepared = storage.log.prepare(stream, newEvents);
        await storage.log.appendWithin(tx, stream, prepared, { expectedRevision: 'any' });
      }
    });
    committing.catch(() => undefined); // awaited before the next batch; a failure stops the load
  }
  await committing;
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
