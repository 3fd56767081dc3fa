export interface BackoffOptions {
  /** The first delay. */
  initialMs?: number;
  /** No delay is longer than this. */
  maxMs?: number;
  /** Each delay is this many times the one before, up to `maxMs`. */
  factor?: number;
  /**
   * Share of each delay that is random (0–1): many clients that lost the same server do not
   * all come back in the same millisecond. 0 makes the delays exact.
   */
  jitter?: number;
  /** Source of randomness in [0, 1), for tests. */
  random?: () => number;
}

/**
 * Exponential backoff for reconnecting: 100 ms, 200 ms, 400 ms… up to 2 s by default, so a
 * database back after a restart is used again within about two seconds, while a long outage
 * costs a retry every two seconds, not a busy loop. `reset()` once a retry succeeded.
 */
export class Backoff {
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly factor: number;
  private readonly jitter: number;
  private readonly random: () => number;
  private attempt = 0;

  constructor(options: BackoffOptions = {}) {
    this.initialMs = options.initialMs ?? 100;
    this.maxMs = options.maxMs ?? 2000;
    this.factor = options.factor ?? 2;
    this.jitter = Math.min(1, Math.max(0, options.jitter ?? 0.2));
    this.random = options.random ?? Math.random;
    if (!(this.initialMs > 0) || !(this.maxMs >= this.initialMs) || !(this.factor >= 1)) {
      throw new RangeError('Backoff needs 0 < initialMs <= maxMs and factor >= 1');
    }
  }

  /** How many delays were handed out since the last reset. */
  get attempts(): number {
    return this.attempt;
  }

  /** The next delay, in milliseconds (then the one after grows). */
  next(): number {
    const exact = Math.min(this.maxMs, this.initialMs * this.factor ** this.attempt);
    this.attempt++;
    // The random share only shortens a delay, so `maxMs` stays a bound.
    return Math.round(exact * (1 - this.jitter * this.random()));
  }

  reset(): void {
    this.attempt = 0;
  }

  /** Sleeps the next delay (answers it); an abort ends the sleep early, without throwing. */
  async wait(signal?: AbortSignal): Promise<number> {
    const delay = this.next();
    await sleep(delay, signal);
    return delay;
  }
}

/** Resolves after `ms`, or as soon as `signal` aborts (never rejects). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
