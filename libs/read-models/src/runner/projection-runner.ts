import type { EventStore, RecordedEvent } from '@app/event-store';
import { DataSource } from 'typeorm';
import { checkpointStore } from '../checkpoints/checkpoint-store';
import { Projection } from '../projection';
import { batched } from './batched';

export interface ProjectionRunnerOptions {
  batchSize?: number;
  /** How long a partial batch waits for more events before it is applied. */
  maxBatchWaitMs?: number;
  /** Wait before retrying after a failed batch (the batch rolled back; nothing was skipped). */
  retryDelayMs?: number;
  onBatch?(progress: { events: number; position: bigint }): void;
  onError?(error: unknown): void;
}

/**
 * Keeps projections up to date from the log: catches up from their checkpoints, then follows
 * live. Each batch is applied to every projection and their checkpoints saved in ONE
 * transaction; an event at or below a projection's checkpoint is never applied again.
 */
export class ProjectionRunner {
  private checkpoints = new Map<string, bigint>();
  private running: Promise<void> | undefined;
  private stopRequested = false;
  private stopCurrent: (() => Promise<void>) | undefined;
  lastError: unknown;

  constructor(
    private readonly eventStore: EventStore,
    private readonly dataSource: DataSource,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {}

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
    this.running = this.runUntilStopped();
  }

  async stop(): Promise<void> {
    this.stopRequested = true;
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
          }
        } finally {
          await subscription.stop();
        }
      } catch (error) {
        this.lastError = error;
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
    await this.dataSource.transaction(async (manager) => {
      const moved: string[] = [];
      for (const projection of this.projections) {
        const checkpoint = this.checkpoints.get(projection.name) ?? 0n;
        if (last <= checkpoint) continue;
        const handled = batch.filter(
          (event) => event.position > checkpoint && projection.handles.includes(event.type),
        );
        if (projection.applyBatch) {
          if (handled.length > 0) await projection.applyBatch(handled, manager);
        } else {
          for (const event of handled) await projection.apply(event, manager);
        }
        moved.push(projection.name);
      }
      await checkpointStore.save(manager, moved, last);
    });
    for (const projection of this.projections) {
      const checkpoint = this.checkpoints.get(projection.name) ?? 0n;
      if (last > checkpoint) this.checkpoints.set(projection.name, last);
    }
    this.lastError = undefined;
    this.options.onBatch?.({ events: batch.length, position: last });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
