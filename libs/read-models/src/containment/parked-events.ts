import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { errorCodeOf, messageOf } from './apply-error';

/** The code of an event parked untried because an earlier event of its stream is parked. */
export const STREAM_BLOCKED = 'STREAM_BLOCKED';

/** An event to park: the projection, the event, and why. */
export interface ParkedEvent {
  projection: string;
  event: RecordedEvent;
  errorCode: string;
  errorMessage: string;
  /** The position of the parked event of its stream it waits behind; null for the cause. */
  blockedBy: bigint | null;
}

/** A parked event as listed (the audit endpoint, the CLI). */
export interface ParkedEventListing {
  projection: string;
  position: string;
  eventId: string;
  streamId: string;
  revision: string;
  eventType: string;
  errorCode: string;
  errorMessage: string;
  blockedBy: string | null;
  attempts: number;
  parkedAt: Date;
  lastAttemptAt: Date;
}

/** The streams each projection has parked events of, with the position of the first. */
export type BlockedStreams = Map<string, Map<string, bigint>>;

/** An event whose own apply failed with `error`. */
export function failedEvent(projection: string, event: RecordedEvent, error: unknown): ParkedEvent {
  return {
    projection,
    event,
    errorCode: errorCodeOf(error),
    errorMessage: storable(messageOf(error)),
    blockedBy: null,
  };
}

/** An event not tried: its stream waits behind the parked event at `blockedBy`. */
export function blockedEvent(projection: string, event: RecordedEvent, blockedBy: bigint) {
  return {
    projection,
    event,
    errorCode: STREAM_BLOCKED,
    errorMessage: `an earlier event of ${event.stream} (position ${blockedBy}) is parked`,
    blockedBy,
  } satisfies ParkedEvent;
}

// eslint-disable-next-line no-control-regex
const NUL = /\u0000/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * An error message as text PostgreSQL takes: a message may quote the very value that could
 * not be written (a NUL, a lone surrogate), and parking it must not fail the same way.
 */
function storable(message: string): string {
  return message.slice(0, 2000).replace(NUL, '\\u0000').replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Runners' transactions hold it shared while they read the blocked streams and park behind
 * them; `replay-parked` holds it alone while it unblocks a stream. So a runner beside a
 * replay never parks a new event behind a parked one the replay has just applied.
 */
const PARKED_EVENTS_LOCK_KEY = 7_295_836_316;

/** Reads and writes `projection_parked_events`, on the caller's manager (its transaction). */
export const parkedEvents = {
  /** For a runner's transaction: before `blockedStreams`, in a statement of its own. */
  async lockShared(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock_shared(${PARKED_EVENTS_LOCK_KEY})`);
  },

  /** For a replay's transaction: waits for runners' transactions in flight to end. */
  async lockAlone(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(${PARKED_EVENTS_LOCK_KEY})`);
  },

  async blockedStreams(manager: EntityManager, names: readonly string[]): Promise<BlockedStreams> {
    const rows: { projection: string; stream_id: string; first: string }[] = await manager.query(
      `SELECT projection, stream_id, min(position) AS first FROM projection_parked_events
       WHERE projection = ANY($1::text[]) GROUP BY projection, stream_id`,
      [names],
    );
    const blocked: BlockedStreams = new Map();
    for (const row of rows) {
      const streams = blocked.get(row.projection) ?? new Map<string, bigint>();
      streams.set(row.stream_id, BigInt(row.first));
      blocked.set(row.projection, streams);
    }
    return blocked;
  },

  async park(manager: EntityManager, parked: readonly ParkedEvent[]): Promise<void> {
    if (parked.length === 0) return;
    const rows = parked.map(({ projection, event, errorCode, errorMessage, blockedBy }) => ({
      projection,
      position: event.position.toString(),
      event_id: event.id,
      stream_id: event.stream,
      revision: event.revision.toString(),
      event_type: event.type,
      error_code: errorCode,
      error_message: errorMessage,
      blocked_by: blockedBy?.toString() ?? null,
    }));
    await manager.query(
      `INSERT INTO projection_parked_events
         (projection, position, event_id, stream_id, revision, event_type, error_code, error_message, blocked_by)
       SELECT projection, position, event_id, stream_id, revision, event_type, error_code, error_message, blocked_by
       FROM jsonb_to_recordset($1::jsonb) AS r(projection text, position bigint, event_id uuid,
         stream_id text, revision bigint, event_type text, error_code text, error_message text,
         blocked_by bigint)
       ON CONFLICT (projection, position) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  },

  /** Parked events, oldest first: of one projection (and one stream), or of all. */
  async list(
    manager: EntityManager,
    options: { projection?: string; stream?: string; limit?: number } = {},
  ): Promise<ParkedEventListing[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT projection, position, event_id, stream_id, revision, event_type, error_code,
              error_message, blocked_by, attempts, parked_at, last_attempt_at
       FROM projection_parked_events
       WHERE ($1::text IS NULL OR projection = $1) AND ($2::text IS NULL OR stream_id = $2)
       ORDER BY position, projection LIMIT $3`,
      [options.projection ?? null, options.stream ?? null, options.limit ?? 1000],
    );
    return rows.map((row) => ({
      projection: String(row.projection),
      position: String(row.position),
      eventId: String(row.event_id),
      streamId: String(row.stream_id),
      revision: String(row.revision),
      eventType: String(row.event_type),
      errorCode: String(row.error_code),
      errorMessage: String(row.error_message),
      blockedBy: row.blocked_by === null ? null : String(row.blocked_by),
      attempts: Number(row.attempts),
      parkedAt: new Date(row.parked_at as string),
      lastAttemptAt: new Date(row.last_attempt_at as string),
    }));
  },

  /** How many events each projection has parked (only those with any). */
  async countByProjection(manager: EntityManager): Promise<Map<string, number>> {
    const rows: { projection: string; count: string }[] = await manager.query(
      `SELECT projection, count(*) AS count FROM projection_parked_events
       GROUP BY projection ORDER BY projection`,
    );
    return new Map(rows.map((row) => [row.projection, Number(row.count)]));
  },

  /** Forgets the projections' parked events (a rebuild parks again what still fails). */
  async clear(manager: EntityManager, names: readonly string[]): Promise<void> {
    await manager.query('DELETE FROM projection_parked_events WHERE projection = ANY($1::text[])', [
      names,
    ]);
  },

  async remove(manager: EntityManager, projection: string, position: bigint): Promise<void> {
    await manager.query(
      'DELETE FROM projection_parked_events WHERE projection = $1 AND position = $2',
      [projection, position.toString()],
    );
  },

  /** A retry failed again: its new error kept, one more attempt counted. */
  async recordFailure(manager: EntityManager, parked: ParkedEvent): Promise<void> {
    await manager.query(
      `UPDATE projection_parked_events
       SET error_code = $3, error_message = $4, blocked_by = $5, attempts = attempts + 1,
           last_attempt_at = now()
       WHERE projection = $1 AND position = $2`,
      [
        parked.projection,
        parked.event.position.toString(),
        parked.errorCode,
        parked.errorMessage,
        parked.blockedBy?.toString() ?? null,
      ],
    );
  },
};
