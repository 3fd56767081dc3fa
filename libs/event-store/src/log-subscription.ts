import { LogSubscription, RecordedEvent } from './event-store.port';

export interface PollingSubscriptionOptions {
  fromPosition?: bigint;
  batchSize: number;
  /** Longest wait between polls when nothing woke the subscription. */
  pollIntervalMs: number;
  readBatch(fromPosition: bigint | undefined, limit: number): Promise<RecordedEvent[]>;
  /** Registers a wake-up callback (new events were appended); returns an unregister function. */
  onAppended(wake: () => void): () => void;
}

/**
 * Catch-up-then-live subscription over a pollable log: reads batches after the checkpoint
 * until the log is drained, then sleeps until woken by an append (or the poll interval, since
 * an event can become readable without a new append: an older transaction finishing).
 */
export class PollingLogSubscription implements LogSubscription {
  private stopped = false;
  private wakeUp: (() => void) | undefined;
  private pendingWake = false;

  constructor(private readonly options: PollingSubscriptionOptions) {}

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    const unregister = this.options.onAppended(() => this.wake());
    let checkpoint = this.options.fromPosition;
    try {
      while (!this.stopped) {
        this.pendingWake = false;
        const batch = await this.options.readBatch(checkpoint, this.options.batchSize);
        for (const event of batch) {
          if (this.stopped) return;
          checkpoint = event.position;
          yield event;
        }
        if (batch.length < this.options.batchSize) await this.sleep();
      }
    } finally {
      unregister();
    }
  }

  private wake(): void {
    this.pendingWake = true;
    this.wakeUp?.();
  }

  private sleep(): Promise<void> {
    if (this.pendingWake || this.stopped) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.options.pollIntervalMs);
      const wakeUp = () => done();
      this.wakeUp = wakeUp;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    }).then(() => {
      this.wakeUp = undefined;
    });
  }
}
