import { EventStore } from '@app/event-store';
import { Projection, RebuildRunner } from '@app/read-models';
import { DataSource } from 'typeorm';
import { ReplayProgress } from './progress-bar';

export interface ReplayOptions {
  /** Apply the log up to this position, inclusive. */
  upTo: bigint;
  batchSize?: number;
  onProgress?(progress: ReplayProgress): void;
  /** How long to wait for committed events readers cannot see yet (an older transaction). */
  visibilityTimeoutMs?: number;
}

/**
 * Brings `projections` on `dataSource` from their checkpoints to `upTo`, reading the log in
 * batches (memory stays bounded by one batch) through the runner's rebuild mode
 * (`RebuildRunner`: a transaction per projection side by side, each projection's share of a
 * batch committed with its checkpoint, what it cannot apply parked). Returns the position reached.
 */
export async function replayProjections(
  store: EventStore,
  dataSource: DataSource,
  projections: readonly Projection[],
  options: ReplayOptions,
): Promise<bigint> {
  let events = 0;
  const runner = new RebuildRunner(store, dataSource, projections, {
    onBatch: (batch) => {
      events += batch.events;
      options.onProgress?.({ events, position: batch.position });
    },
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  });
  const deadline = Date.now() + (options.visibilityTimeoutMs ?? 30_000);
  for (;;) {
    const reached = await runner.catchUp(options.upTo);
    if (reached >= options.upTo) return reached;
    // On PostgreSQL a committed event stays hidden while an older transaction runs.
    if (Date.now() > deadline)
      throw new Error(
        `The log's events up to position ${options.upTo} did not become readable in time (reached ${reached})`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The position of the last committed event, 0 for an empty log. */
export async function logHead(store: EventStore): Promise<bigint> {
  return (await store.lastCommittedPosition()) ?? 0n;
}
