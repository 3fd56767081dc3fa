import type { BenchStorage } from '../support/bench-storage';
import { GeneratedWorkload } from './generate-workload';

export interface LoadedWorkload {
  events: number;
  streams: number;
  seconds: number;
}

/**
 * Appends the workload's events through the event store's own append SQL (`appendWithin`),
 * one transaction per batch of streams, a few transactions in flight on PostgreSQL. A load
 * generator, not a measured path: the commands' path is the append stage's business.
 */
export async function loadWorkload(
  storage: BenchStorage,
  workload: GeneratedWorkload,
): Promise<LoadedWorkload> {
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  const parallel = storage.kind === 'pg' ? 4 : 1;
  let events = 0;
  let streams = 0;
  for (const batch of workload.batches()) {
    streams += batch.length;
    for (const append of batch) events += append.events.length;
    const loading = storage.db
      .transaction(async (tx) => {
        for (const { stream, events: newEvents } of batch) {
          const prepared = storage.store.prepare(stream, newEvents);
          await storage.store.appendWithin(tx, stream, prepared, { expectedRevision: 'any' });
        }
      })
      .then(() => {
        inFlight.delete(loading);
      });
    inFlight.add(loading);
    if (inFlight.size >= parallel) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return { events, streams, seconds: (performance.now() - started) / 1000 };
}
