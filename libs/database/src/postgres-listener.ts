import { Client, ClientConfig } from 'pg';
import { Backoff, sleep } from './backoff';
import { quoteIdentifier } from './quote-identifier';

export interface ListenOptions {
  /** Called for every notification on the channel. */
  onNotification(payload: string | undefined): void;
  /**
   * Called once the channel is listened to again after the connection was lost: notifications
   * sent in between are gone, so whoever waits on them should read from its checkpoint now.
   */
  onReconnected?(): void;
  /** The connection was lost; it is retried after `retryInMs`. */
  onConnectionLost?(error: unknown, retryInMs: number): void;
}

/**
 * `LISTEN channel` on a connection of its own (outside the pool: a pooled client is handed to
 * others), kept alive: when the server goes away (restart, failover) it reconnects with
 * backoff and listens again.
 */
export class PostgresListener {
  private client: Client | undefined;
  private closed = false;
  private readonly backoff = new Backoff();
  private readonly stopWaiting = new AbortController();

  private constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly options: ListenOptions,
  ) {}

  /** Listens once (throws if it cannot), then keeps listening across reconnections. */
  static async start(
    config: ClientConfig,
    channel: string,
    options: ListenOptions,
  ): Promise<PostgresListener> {
    const listener = new PostgresListener(config, channel, options);
    await listener.connect();
    return listener;
  }

  /** Whether the channel is listened to right now. */
  get connected(): boolean {
    return this.client !== undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopWaiting.abort();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client(this.config);
    // Until LISTEN has succeeded a failure is the caller's (connect() throws); after, the
    // connection is this listener's to bring back. Without an 'error' listener, an error on
    // this idle connection would be an uncaught exception.
    let established = false;
    const onLost = (error: unknown) => {
      if (!established) return;
      established = false;
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
      if (!this.closed) void this.reconnect(error);
    };
    client.on('error', onLost);
    client.on('end', () => onLost(new Error('Connection terminated')));
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.options.onNotification(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${quoteIdentifier(this.channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    established = true;
    this.client = client;
  }

  private async reconnect(error: unknown): Promise<void> {
    let lastError = error;
    while (!this.closed) {
      const delay = this.backoff.next();
      this.options.onConnectionLost?.(lastError, delay);
      await sleep(delay, this.stopWaiting.signal);
      if (this.closed) return;
      try {
        await this.connect();
        this.backoff.reset();
        if (!this.closed) this.options.onReconnected?.();
        return;
      } catch (retryError) {
        lastError = retryError;
      }
    }
  }
}
