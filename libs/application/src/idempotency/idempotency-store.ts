import { ServiceUnavailableException } from '@nestjs/common';
import { currentProcess, processIsGone, ProcessIdentity, SqlDatabase } from '@app/database';
import { EventStore, RecordedEvent } from '@app/event-store';
import { randomUUID } from 'node:crypto';

export type IdempotencyClaim =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'mismatch' }
  | { kind: 'in-progress' }
  /** Its process died mid-request, after writing these events: the request was applied. */
  | { kind: 'applied'; correlationId: string | null; events: RecordedEvent[] };

/** A command request under an Idempotency-Key. */
export interface IdempotentRequest {
  /** Whose keys: the API key's id. */
  scope: string;
  key: string;
  requestHash: string;
  /** The request's correlation id: on every event it writes, so the log shows what it did. */
  correlationId: string;
}

/** The process that holds a pending key: `instance` is new at each start of a process. */
export interface KeyOwner extends ProcessIdentity {
  instance: string;
}

export interface IdempotencyStoreOptions {
  /**
   * How long a key may stay pending under a process that cannot be checked (another machine
   * on the same PostgreSQL) before it counts as dead and its request is recovered.
   */
  pendingTimeoutMs?: number;
  /** Told of each recovered key (a process died mid-request). */
  onRecovered?: (line: string) => void;
}

const THIS_PROCESS: KeyOwner = { instance: randomUUID(), ...currentProcess() };
const DEFAULT_PENDING_TIMEOUT_MS = 60_000;
const LOG_PAGE = 500;
const LOG_WAIT_MS = 5_000;

interface KeyRow {
  scope: string;
  key: string;
  request_hash: string;
  status: string;
  response_status: number | null;
  response_body: unknown;
  owner: KeyOwner | null;
  correlation_id: string | null;
  log_head: string | null;
  age_ms: string | number;
}

/**
 * Remembers the first answer to each `Idempotency-Key` (per API key), in the same database
 * as the read models. A key is claimed before the command runs, so two concurrent requests
 * with one key cannot both write. A key left pending by a process that died is recovered:
 * the log after the head at claim time says whether its request wrote anything.
 */
export class IdempotencyStore {
  /**
   * Keys whose request this process is running now. A key pending under this process but not
   * here was left behind by a request whose answer could not be saved (the database went
   * away): it is recovered like a dead process's key.
   */
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly database: SqlDatabase,
    private readonly eventStore: EventStore,
    private readonly options: IdempotencyStoreOptions = {},
  ) {}

  async claim(request: IdempotentRequest): Promise<IdempotencyClaim> {
    const { scope, key, requestHash, correlationId } = request;
    const head = await this.eventStore.lastCommittedPosition();
    const inserted = await this.database.query(
      `INSERT INTO idempotency_keys
         (scope, key, request_hash, status, created_at, owner, correlation_id, log_head)
       VALUES ($1, $2, $3, 'pending', now(), $4, $5, $6)
       ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [scope, key, requestHash, JSON.stringify(THIS_PROCESS), correlationId, head?.toString()],
    );
    if (inserted.rows.length > 0) return this.running(scope, key);
    const { rows } = await this.database.query<KeyRow>(
      `SELECT scope, key, request_hash, status, response_status, response_body, owner, correlation_id,
              log_head, extract(epoch FROM now() - created_at) * 1000 AS age_ms
       FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    const found = rows[0];
    if (!found) return this.claim(request);
    if (found.request_hash !== requestHash) return { kind: 'mismatch' };
    if (found.status === 'done') {
      return { kind: 'replay', status: found.response_status ?? 200, body: found.response_body };
    }
    if (!this.ownerIsGone(found)) return { kind: 'in-progress' };
    return this.recover(request, found, head);
  }

  /** The request under this key has ended here, answered or not. */
  settled(scope: string, key: string): void {
    this.inFlight.delete(inFlightId(scope, key));
  }

  private running(scope: string, key: string): IdempotencyClaim {
    this.inFlight.add(inFlightId(scope, key));
    return { kind: 'new' };
  }

  async complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.database.query(
      `UPDATE idempotency_keys SET status = 'done', response_status = $3, response_body = $4
       WHERE scope = $1 AND key = $2`,
      [scope, key, status, JSON.stringify(body ?? null)],
    );
  }

  /** The command was refused or failed: nothing was written, so the key may be used again. */
  async release(scope: string, key: string): Promise<void> {
    await this.database.query(
      `DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status = 'pending'`,
      [scope, key],
    );
  }

  /**
   * A pending key's process is gone when it is certainly not running (this machine, a dead
   * pid or another boot), when it is this process's but its request has ended unanswered (its
   * answer could not be saved), when it is this process's pid under another instance (a
   * restarted container), on PGlite when it is any other process (one process per data directory), and
   * otherwise once the key has been pending longer than the timeout.
   */
  private ownerIsGone(row: KeyRow): boolean {
    const owner = row.owner;
    if (owner?.instance === THIS_PROCESS.instance) {
      return !this.inFlight.has(inFlightId(row.scope, row.key));
    }
    if (owner && this.database.kind === 'pglite') return true;
    if (owner && processIsGone(owner)) return true;
    if (
      owner &&
      owner.pid === THIS_PROCESS.pid &&
      owner.hostname === THIS_PROCESS.hostname &&
      owner.bootId === THIS_PROCESS.bootId
    ) {
      return true;
    }
    return Number(row.age_ms) > (this.options.pendingTimeoutMs ?? DEFAULT_PENDING_TIMEOUT_MS);
  }

  private async recover(
    request: IdempotentRequest,
    row: KeyRow,
    head: bigint | undefined,
  ): Promise<IdempotencyClaim> {
    const { scope, key } = request;
    // Take the key over from the dead owner; whoever loses this race sees it in progress.
    const taken = await this.database.query(
      `UPDATE idempotency_keys SET owner = $3, created_at = now()
       WHERE scope = $1 AND key = $2 AND status = 'pending' AND owner IS NOT DISTINCT FROM $4
       RETURNING key`,
      [scope, key, JSON.stringify(THIS_PROCESS), row.owner ? JSON.stringify(row.owner) : null],
    );
    if (taken.rows.length === 0) return this.claim(request);
    let events: RecordedEvent[];
    try {
      events = await this.eventsOf(scope, key, row);
    } catch (error) {
      // Undecided: hand the key back to the dead owner, so the next retry recovers it.
      await this.database.query(
        `UPDATE idempotency_keys SET owner = $3 WHERE scope = $1 AND key = $2 AND status = 'pending'`,
        [scope, key, row.owner ? JSON.stringify(row.owner) : null],
      );
      throw error;
    }
    const owner = row.owner ? `process ${row.owner.pid} on ${row.owner.hostname}` : 'a process';
    if (events.length > 0) {
      this.options.onRecovered?.(
        `Idempotency-Key ${key}: ${owner} died after applying the request ` +
          `(correlation id ${row.correlation_id}, ${events.length} events up to position ${events.at(-1)!.position})`,
      );
      return { kind: 'applied', correlationId: row.correlation_id, events };
    }
    // Nothing in the log: the request never took effect. Run it again under this request.
    await this.database.query(
      `UPDATE idempotency_keys SET correlation_id = $3, log_head = $4
       WHERE scope = $1 AND key = $2 AND status = 'pending'`,
      [scope, key, request.correlationId, head?.toString()],
    );
    this.options.onRecovered?.(
      `Idempotency-Key ${key}: ${owner} died before the request wrote anything; running it again`,
    );
    return this.running(scope, key);
  }

  /**
   * The events the request behind a pending key wrote: after the log head at claim time,
   * carrying the key, its API key (`via`) and its correlation id (or, for a command that
   * gives its own correlation id to each part, as in a bulk update, as causation).
   */
  private async eventsOf(scope: string, key: string, row: KeyRow): Promise<RecordedEvent[]> {
    const found: RecordedEvent[] = [];
    let from = row.log_head === null ? undefined : BigInt(row.log_head);
    // Everything the dead process committed is at or below this position. Readers of the log
    // may not see that far yet (an older transaction still running): read until they do.
    const target = await this.eventStore.lastCommittedPosition();
    const deadline = Date.now() + LOG_WAIT_MS;
    for (;;) {
      const page = await this.eventStore.readAll({ fromPosition: from, limit: LOG_PAGE });
      for (const event of page) {
        const metadata = event.metadata;
        const correlated =
          row.correlation_id === null ||
          metadata.correlationId === row.correlation_id ||
          metadata.causationId === row.correlation_id;
        if (metadata.idempotencyKey === key && metadata.via === scope && correlated) {
          found.push(event);
        }
      }
      if (page.length > 0) from = page[page.length - 1].position;
      if (page.length === LOG_PAGE) continue;
      if (target === undefined || (from !== undefined && from >= target)) return found;
      if (Date.now() > deadline) {
        // 503: the client retries in a moment, and the key is recovered then.
        throw new ServiceUnavailableException(
          `The log is not readable up to position ${target} yet: cannot tell whether the ` +
            `request was applied; retry in a moment`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function inFlightId(scope: string, key: string): string {
  return `${scope}\n${key}`;
}
