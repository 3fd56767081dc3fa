import type { EventStore, RecordedEvent } from '@app/event-store';
import { DataSource } from 'typeorm';
import { ParkedEvent } from '../containment/parked-events';
import { Projection } from '../projection';
import { ProjectionGroups } from '../runner/projection-groups';
import { analyzeAsTablesGrow, FIRST_ANALYZE_AFTER } from './analyze-as-tables-grow';

/**
 * Events per batch when rebuilding from the log: large enough that statements per event stay
 * few, small enough that memory stays bounded (a batch is read and held whole).
 */
export const REBUILD_BATCH_SIZE = 5000;

/** Batches a projection may run ahead of the slowest one during a rebuild. */
export const REBUILD_READ_AHEAD = 2;

export interface RebuildRunnerOptions {
  /** Events per batch (default `REBUILD_BATCH_SIZE`). */
  batchSize?: number;
  /** Transactions side by side (default: one per projection). */
  transactions?: number;
  /** Batches a group may run ahead of the slowest (default `REBUILD_READ_AHEAD`; 0: none). */
  readAhead?: number;
  /** Events applied before the first quick ANALYZE (default `FIRST_ANALYZE_AFTER`). */
  analyzeFirstAfter?: number;
  /** Progress, in log order, once every projection has committed a batch. */
  onBatch?(progress: { events: number; position: bigint }): void | Promise<void>;
  /** Events just parked: a projection could not apply them (as in the live runner). */
  onParked?(parked: readonly ParkedEvent[]): void;
}

/**
 * The projection runner's rebuild mode (`rebuild`, `verify`, `replay`, the bench): brings
 * projections from their checkpoints (none, after emptying their tables) up to a position of
 * the log as fast as it can. Batches of `REBUILD_BATCH_SIZE`; a transaction per projection,
 * side by side, each committing its share with its checkpoint and parking what it cannot
 * apply, as live (`ProjectionGroups`); each group in a lane of its own up to `readAhead`
 * batches past the slowest, so this process prepares one projection's rows while PostgreSQL
 * writes another's; and the tables analyzed as they grow (`analyzeAsTablesGrow`). Deferring
 * secondary indexes around it is `withSecondaryIndexesDeferred`'s.
 */
export class RebuildRunner {
  private readonly groups: ProjectionGroups;
  private readonly analyze: (batch: { events: number }) => Promise<void>;

  constructor(
    private readonly eventStore: EventStore,
    dataSource: DataSource,
    projections: readonly Projection[],
    private readonly options: RebuildRunnerOptions = {},
  ) {
    this.groups = new ProjectionGroups(
      dataSource,
      projections,
      options.transactions ?? projections.length,
      options.onParked,
    );
    this.analyze = analyzeAsTablesGrow(
      dataSource,
      projections,
      options.analyzeFirstAfter ?? FIRST_ANALYZE_AFTER,
    );
  }

  /** The lowest checkpoint among the projections. */
  get position(): bigint {
    return this.groups.position;
  }

  /**
   * Applies the log readers see now, up to `upTo` (inclusive) if given, and returns the
   * position reached. A group takes each batch once it has committed the one before (so it
   * never applies a batch after one of its own failed), the reader stays at most `readAhead`
   * batches past the slowest group, and `onBatch` then the ANALYZE schedule run, in order, once
   * every group has committed a batch. On a failure the reader stops (at most `readAhead`
   * batches later); the other lanes finish what they took and keep what they committed, and
   * the first error is thrown: a second `catchUp` resumes from the checkpoints.
   */
  async catchUp(upTo?: bigint): Promise<bigint> {
    await this.groups.loadCheckpoints();
    const ahead = this.options.readAhead ?? REBUILD_READ_AHEAD;
    const lanes = this.groups.groups.map((group) => ({ group, done: Promise.resolve() }));
    const unfinished: Promise<void>[] = [];
    let allDone: Promise<void> = Promise.resolve();
    let from = this.position;
    try {
      for (;;) {
        const { batch, final } = await this.nextBatch(from, upTo);
        if (batch.length === 0) break;
        const last = batch[batch.length - 1].position;
        from = last;
        const applied = Promise.all(
          lanes.map((lane) => {
            lane.done = lane.done.then(() => this.groups.applyToGroup(lane.group, batch, last));
            return lane.done;
          }),
        );
        allDone = allDone.then(() => applied).then(() => this.batchDone(batch.length, last));
        // A lane may fail while this loop awaits a read: its error is thrown by the awaits below,
        // not reported as unhandled in the meantime.
        for (const promise of [applied, allDone]) promise.catch(() => undefined);
        unfinished.push(allDone);
        while (unfinished.length > ahead) await unfinished.shift();
        if (final) break;
      }
      await allDone;
    } finally {
      // Whatever happened, no lane's transaction outlives the catch-up.
      await Promise.allSettled([...lanes.map((lane) => lane.done), allDone]);
    }
    return this.position;
  }

  /**
   * The batch the log lets readers see after `from`, without events past `upTo`; `final` when
   * `upTo` cut it, so no later batch belongs to this catch-up.
   */
  private async nextBatch(
    from: bigint,
    upTo: bigint | undefined,
  ): Promise<{ batch: RecordedEvent[]; final: boolean }> {
    const read = await this.eventStore.readAll({
      fromPosition: from,
      limit: this.options.batchSize ?? REBUILD_BATCH_SIZE,
    });
    const batch = upTo === undefined ? read : read.filter((event) => event.position <= upTo);
    return { batch, final: batch.length < read.length };
  }

  private async batchDone(events: number, position: bigint): Promise<void> {
    await this.options.onBatch?.({ events, position });
    await this.analyze({ events });
  }
}
