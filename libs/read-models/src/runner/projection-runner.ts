import { Backoff, isConnectionError, sleep } from '@app/database';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { DataSource, EntityManager } from 'typeorm';
import { checkpointStore } from '../checkpoints/checkpoint-store';
import { isEventFailure } from '../containment/apply-error';
import { applyIsolated } from '../containment/apply-isolated';
import { blockedEvent, failedEvent, ParkedEvent, parkedEvents } from '../containment/parked-events';
import { Projection } from '../projection';
import { batched } from './batched';

export interface ProjectionRunnerOptions {
  batchSize?: number;
  /**
   * How many transactions apply a batch side by side. 1 (the default): every projection and
   * its checkpoint in one transaction, so readers see all read models move together. N: the
   * projections split into N groups, each group with its checkpoints in a transaction of its
   * own on a connection of its own — a rebuild uses one per projection, so PostgreSQL works on
   * several read models while this process prepares the next rows.
   */
  transactions?: number;
  /**
   * With several transactions, how many batches a catch-up lets a group run ahead of the
   * slowest: each group applies the batches in log order in its own lane, so this process
   * prepares one group's next rows while PostgreSQL writes another's. 0 (the default): every
   * group finishes a batch before the next is read. Following live always waits.
   */
  readAhead?: number;
  /** How long a partial batch waits for more events before it is applied. */
  maxBatchWaitMs?: number;
  /** Wait before retrying after a failed batch (the batch rolled back; nothing was skipped). */
  retryDelayMs?: number;
  /** After each batch has committed; awaited before the next batch. */
  onBatch?(progress: { events: number; position: bigint }): void | Promise<void>;
  onError?(error: unknown): void;
  /** Events just parked (their transaction committed): a projection could not apply them. */
  onParked?(parked: readonly ParkedEvent[]): void;
  /**
   * The database could not be reached (a restart, a failover): not an error of any event, so
   * the runner waits `retryInMs` (growing up to 2 s while it lasts) and resumes from its
   * checkpoints. Instead of `onError` for such errors.
   */
  onConnectionLost?(error: unknown, retryInMs: number): void;
}

/**
 * Keeps projections up to date from the log: catches up from their checkpoints, then follows
 * live. A projection's share of each batch and its checkpoint commit in one transaction (by
 * default one transaction for all of them; see `transactions`); an event at or below a
 * projection's checkpoint is never applied again.
 *
 * Containment: an event a projection cannot apply (`isEventFailure`: bad data, a bug in the
 * projection) does not stop it. The batch is applied again event by event, each under a
 * savepoint; the failing event is rolled back alone and parked with its error in
 * `projection_parked_events`, in the same transaction as the rest of the batch and the
 * checkpoint, which moves past it. From then on that projection parks every later event of
 * the same stream untried (`STREAM_BLOCKED`), so none of its rows is built from part of a
 * stream's history; other streams and other projections (which apply the event as usual) go
 * on. `replay-parked` retries them after a fix; a rebuild forgets them and parks again what
 * still fails. A failure of the database itself (a lost connection) parks nothing: the batch
 * rolls back whole and is retried.
 */
export class ProjectionRunner {
  private checkpoints = new Map<string, bigint>();
  private running: Promise<void> | undefined;
  private stopRequested = false;
  private stopCurrent: (() => Promise<void>) | undefined;
  private readonly reconnectBackoff = new Backoff();
  private stopWaiting = new AbortController();
  lastError: unknown;
  private readonly groups: Projection[][];

  constructor(
    private readonly eventStore: EventStore,
    private readonly dataSource: DataSource,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.groups = dealInto(projections, options.transactions ?? 1);
  }

  get names(): string[] {
    return this.projections.map((projection) => projection.name);
  }

  /** The lowest checkpoint among this runner's projections. */
  get position(): bigint {
    let lowest: bigint | undefined;
    for (const position of this.checkpoints.values()) {
      if (lowest === undefined || position < lowest) lowest = position;
    }
    return lowest ?? 0n;
  }

  start(): void {
    if (this.running) return;
    this.stopRequested = false;
    this.stopWaiting = new AbortController();
    this.running = this.runUntilStopped();
  }

  async stop(): Promise<void> {
    this.stopRequested = true;
    this.stopWaiting.abort();
    await this.stopCurrent?.();
    await this.running;
    this.running = undefined;
  }

  /**
   * Applies everything the log lets readers see now (or only up to `upTo`, inclusive), one
   * batch at a time, then returns the position reached.
   */
  async catchUp(upTo?: bigint): Promise<bigint> {
    await this.loadCheckpoints();
    const ahead = this.options.readAhead ?? 0;
    if (this.groups.length > 1 && ahead > 0) return this.catchUpInLanes(upTo, ahead);
    for (;;) {
      const { batch, final } = await this.nextBatch(this.position, upTo);
      if (batch.length === 0) return this.position;
      await this.applyBatch(batch);
      if (final) return this.position;
    }
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
      limit: this.options.batchSize ?? 500,
    });
    const batch = upTo === undefined ? read : read.filter((event) => event.position <= upTo);
    return { batch, final: batch.length < read.length };
  }

  /**
   * `catchUp` with a lane per group: a group takes each batch once it has committed the one
   * before (so it never applies a batch after one of its own failed), the reader stays at most
   * `ahead` batches past the slowest group, and `onBatch` runs, in order, once every group has
   * committed a batch. On a failure the reader stops (at most `ahead` batches later); the
   * other lanes finish what they took and keep what they committed (as `applyBatch` does),
   * and the first error is thrown.
   */
  private async catchUpInLanes(upTo: bigint | undefined, ahead: number): Promise<bigint> {
    const lanes = this.groups.map((group) => ({ group, done: Promise.resolve() }));
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
            lane.done = lane.done.then(() => this.applyToLane(lane.group, batch, last));
            return lane.done;
          }),
        );
        allDone = allDone
          .then(() => applied)
          .then(() => this.options.onBatch?.({ events: batch.length, position: last }));
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
    this.lastError = undefined;
    return this.position;
  }

  /** A lane's share of a batch: committed, then its checkpoints known here. */
  private async applyToLane(group: readonly Projection[], batch: RecordedEvent[], last: bigint) {
    await this.applyToGroup(group, batch, last);
    this.markApplied(group, last);
  }

  /** The group's projections hold everything up to `last` (their transaction committed). */
  private markApplied(group: readonly Projection[], last: bigint): void {
    for (const projection of group) {
      const checkpoint = this.checkpoints.get(projection.name) ?? 0n;
      if (last > checkpoint) this.checkpoints.set(projection.name, last);
    }
  }

  private async runUntilStopped(): Promise<void> {
    while (!this.stopRequested) {
      try {
        await this.loadCheckpoints();
        const subscription = this.eventStore.subscribeToAll({
          fromPosition: this.position,
          batchSize: this.options.batchSize ?? 500,
        });
        this.stopCurrent = () => subscription.stop();
        if (this.stopRequested) await subscription.stop();
        const batches = batched(
          subscription,
          this.options.batchSize ?? 500,
          this.options.maxBatchWaitMs ?? 5,
        );
        try {
          for await (const batch of batches) {
            if (this.stopRequested) break;
            await this.applyBatch(batch);
            // Only progress ends an outage: a database that answers a read but fails every
            // batch keeps the waits long.
            this.reconnectBackoff.reset();
          }
        } finally {
          await subscription.stop();
        }
      } catch (error) {
        this.lastError = error;
        if (isConnectionError(error)) {
          await this.waitForDatabase(error);
          continue;
        }
        this.options.onError?.(error);
        if (!this.stopRequested) await sleep(this.options.retryDelayMs ?? 1000);
      }
    }
  }

  private async loadCheckpoints(): Promise<void> {
    this.checkpoints = await checkpointStore.load(this.dataSource.manager, this.names);
  }

  private async applyBatch(batch: RecordedEvent[]): Promise<void> {
    const last = batch[batch.length - 1].position;
    const applied = await Promise.allSettled(
      this.groups.map((group) => this.applyToGroup(group, batch, last)),
    );
    // A group that committed keeps its checkpoints even when another group failed: the retry
    // starts from the lowest checkpoint and skips what each projection already holds.
    applied.forEach((result, index) => {
      if (result.status === 'fulfilled') this.markApplied(this.groups[index], last);
    });
    const failed = applied.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    this.lastError = undefined;
    await this.options.onBatch?.({ events: batch.length, position: last });
  }

  /** Backs off before the next attempt, the longer the database stays away. */
  private async waitForDatabase(error: unknown): Promise<void> {
    if (this.stopRequested) return;
    const delay = this.reconnectBackoff.next();
    this.options.onConnectionLost?.(error, delay);
    await sleep(delay, this.stopWaiting.signal);
  }

  /**
   * One group's share of a batch and its checkpoints, in one transaction: all at once, or,
   * when an event fails, again event by event, parking those that fail.
   */
  private async applyToGroup(
    group: readonly Projection[],
    batch: RecordedEvent[],
    last: bigint,
  ): Promise<void> {
    const behind = group.filter(
      (projection) => last > (this.checkpoints.get(projection.name) ?? 0n),
    );
    if (behind.length === 0) return;
    let parked: ParkedEvent[];
    try {
      parked = await this.dataSource.transaction((manager) =>
        this.applyShares(manager, behind, batch, last, 'together'),
      );
    } catch (error) {
      if (!isEventFailure(error)) throw error;
      parked = await this.dataSource.transaction((manager) =>
        this.applyShares(manager, behind, batch, last, 'one by one'),
      );
    }
    if (parked.length > 0) this.options.onParked?.(parked);
  }

  /**
   * Each projection's events of the batch past its checkpoint, those of its blocked streams
   * parked; then the parked events and the checkpoints written. Answers what it parked.
   */
  private async applyShares(
    manager: EntityManager,
    projections: readonly Projection[],
    batch: RecordedEvent[],
    last: bigint,
    mode: 'together' | 'one by one',
  ): Promise<ParkedEvent[]> {
    const names = projections.map((projection) => projection.name);
    await parkedEvents.lockShared(manager);
    const blocked = await parkedEvents.blockedStreams(manager, names);
    const parked: ParkedEvent[] = [];
    for (const projection of projections) {
      const checkpoint = this.checkpoints.get(projection.name) ?? 0n;
      const streams = blocked.get(projection.name) ?? new Map<string, bigint>();
      const handled = batch.filter(
        (event) => event.position > checkpoint && projection.handles.includes(event.type),
      );
      if (mode === 'together') {
        const open = handled.filter((event) => {
          const blockedBy = streams.get(event.stream);
          if (blockedBy !== undefined) parked.push(blockedEvent(projection.name, event, blockedBy));
          return blockedBy === undefined;
        });
        await applyTogether(projection, open, manager);
        continue;
      }
      for (const event of handled) {
        const blockedBy = streams.get(event.stream);
        if (blockedBy !== undefined) {
          parked.push(blockedEvent(projection.name, event, blockedBy));
          continue;
        }
        const outcome = await applyIsolated(projection, event, manager);
        if (outcome === undefined) continue;
        parked.push(failedEvent(projection.name, event, outcome.failed));
        streams.set(event.stream, event.position);
      }
    }
    await parkedEvents.park(manager, parked);
    await checkpointStore.save(manager, names, last);
    return parked;
  }
}

async function applyTogether(
  projection: Projection,
  events: readonly RecordedEvent[],
  manager: EntityManager,
): Promise<void> {
  if (projection.applyBatch) {
    if (events.length > 0) await projection.applyBatch(events, manager);
  } else {
    for (const event of events) await projection.apply(event, manager);
  }
}

/** `projections` dealt round-robin into `count` non-empty groups. */
function dealInto(projections: readonly Projection[], count: number): Projection[][] {
  const size = Math.max(1, Math.min(count, projections.length));
  const groups: Projection[][] = Array.from({ length: size }, () => []);
  projections.forEach((projection, index) => groups[index % size].push(projection));
  return groups;
}
