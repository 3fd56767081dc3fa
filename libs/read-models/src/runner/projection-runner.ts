import { Backoff, isConnectionError, sleep } from '@app/database';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { DataSource } from 'typeorm';
import { ParkedEvent } from '../containment/parked-events';
import { Projection } from '../projection';
import { batched } from './batched';
import { ProjectionGroups } from './projection-groups';

export interface ProjectionRunnerOptions {
  batchSize?: number;
  /**
   * How many transactions apply a batch side by side. 1 (the default): every projection and
   * its checkpoint in one transaction, so readers see all read models move together. N: the
   * projections split into N groups, each group with its checkpoints in a transaction of its
   * own on a connection of its own (faster catch-up; `PROJECTION_TRANSACTIONS`).
   */
  transactions?: number;
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
 * projection's checkpoint is never applied again, and an event a projection cannot apply is
 * parked while everything else goes on (`ProjectionGroups`). `replay-parked` retries parked
 * events after a fix; a rebuild forgets them and parks again what still fails. A lost
 * connection is waited out with a growing backoff, then the runner resumes from its
 * checkpoints. Rebuilding from empty tables is the `RebuildRunner`'s work (`rebuild/`).
 */
export class ProjectionRunner {
  private running: Promise<void> | undefined;
  private stopRequested = false;
  private stopCurrent: (() => Promise<void>) | undefined;
  private readonly reconnectBackoff = new Backoff();
  private stopWaiting = new AbortController();
  lastError: unknown;
  private readonly groups: ProjectionGroups;

  constructor(
    private readonly eventStore: EventStore,
    dataSource: DataSource,
    projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.groups = new ProjectionGroups(
      dataSource,
      projections,
      options.transactions ?? 1,
      options.onParked,
    );
  }

  get names(): string[] {
    return this.groups.names;
  }

  /** The lowest checkpoint among this runner's projections. */
  get position(): bigint {
    return this.groups.position;
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
    await this.groups.loadCheckpoints();
    for (;;) {
      const read = await this.eventStore.readAll({
        fromPosition: this.position,
        limit: this.options.batchSize ?? 500,
      });
      const batch = upTo === undefined ? read : read.filter((event) => event.position <= upTo);
      if (batch.length === 0) return this.position;
      await this.applyBatch(batch);
      if (batch.length < read.length) return this.position;
    }
  }

  private async runUntilStopped(): Promise<void> {
    while (!this.stopRequested) {
      try {
        await this.groups.loadCheckpoints();
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

  private async applyBatch(batch: readonly RecordedEvent[]): Promise<void> {
    await this.groups.applyToAll(batch);
    this.lastError = undefined;
    await this.options.onBatch?.({
      events: batch.length,
      position: batch[batch.length - 1].position,
    });
  }

  /** Backs off before the next attempt, the longer the database stays away. */
  private async waitForDatabase(error: unknown): Promise<void> {
    if (this.stopRequested) return;
    const delay = this.reconnectBackoff.next();
    this.options.onConnectionLost?.(error, delay);
    await sleep(delay, this.stopWaiting.signal);
  }
}
