import { EventEmitter } from 'node:events';
import { PostgresDatabase, SqlDatabase, SqlExecutor } from '@app/database';
import {
  AppendOptions,
  AppendResult,
  EventMetadata,
  EventStore,
  LogSubscription,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeToAllOptions,
} from '../event-store.port';
import { InvalidAppendError } from '../errors';
import { Clock, PreparedEvent, prepareEvents, toRecordedEvent } from '../event-envelope';
import { PollingLogSubscription } from '../log-subscription';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { eventStoreSchemaSql, SCHEMA_LOCK_KEY } from './event-store-schema';
import { appendStreamsInBulk, StreamEvents } from './bulk-append';
import {
  appendInOneCall,
  appendManyInOneCall,
  eventColumns,
  NOTIFY_CHANNEL,
  reservePositions,
} from './append-sql';
import { checkAndAdvanceStream } from './stream-revision';

export interface PostgresEventStoreOptions {
  upcasters?: UpcasterRegistry;
  clock?: Clock;
  pollIntervalMs?: number;
}

interface EventRow {
  position: string;
  stream_id: string;
  revision: string;
  event_id: string;
  event_type: string;
  data: unknown;
  metadata: EventMetadata;
}

const EVENT_COLUMNS = 'position, stream_id, revision, event_id, event_type, data, metadata';
/** Only events of transactions older than every running one: see event-store-schema.ts. */
const SAFE_TO_READ = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';

/** The event store on PostgreSQL (`pg`) or embedded PGlite: the same SQL on both. */
export class PostgresEventStore implements EventStore {
  readonly description: string;
  readonly atomicAppendMany = true;
  private readonly upcasters: UpcasterRegistry;
  private readonly clock: Clock;
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private stopListening: (() => Promise<void>) | undefined;

  private constructor(
    private readonly db: SqlDatabase,
    private readonly options: PostgresEventStoreOptions,
  ) {
    this.description = `event store on ${db.description}`;
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.clock = options.clock ?? (() => new Date());
  }

  static async create(
    db: SqlDatabase,
    options: PostgresEventStoreOptions = {},
  ): Promise<PostgresEventStore> {
    await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK_KEY})`);
      await tx.query(eventStoreSchemaSql);
    });
    const store = new PostgresEventStore(db, options);
    await store.listenToOtherProcesses();
    return store;
  }

  async append(
    stream: string,
    events: NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const prepared = prepareEvents(stream, events, this.upcasters, this.clock);
    const result = await appendInOneCall(
      this.db,
      stream,
      prepared,
      options.expectedRevision ?? 'any',
      this.db.kind === 'postgres' ? NOTIFY_CHANNEL : null,
    );
    this.appended.emit('appended');
    return result;
  }

  /** Every append in one call of `es_append_many`: all are written, or none. */
  async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (appends.length === 0) throw new InvalidAppendError('No streams to append to');
    const streams = new Set(appends.map((append) => append.stream));
    if (streams.size < appends.length)
      throw new InvalidAppendError('appendMany names a stream more than once');
    const prepared = appends.map((append) => ({
      ...append,
      events: prepareEvents(append.stream, append.events, this.upcasters, this.clock),
    }));
    const results = await appendManyInOneCall(
      this.db,
      prepared.map((append) => ({
        stream: append.stream,
        events: append.events,
        expected: append.expectedRevision ?? 'any',
      })),
      this.db.kind === 'postgres' ? NOTIFY_CHANNEL : null,
    );
    this.appended.emit('appended');
    return results;
  }

  /**
   * The append's SQL inside a caller's transaction. The position reservation must be the
   * transaction's first write (it is what gives the transaction its id).
   */
  async appendWithin(
    tx: SqlExecutor,
    stream: string,
    events: PreparedEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const reserved = await reservePositions(tx, events.length);
    const result = await this.insertAt(tx, reserved, stream, events, options);
    await this.notifyAppended(tx, result.position);
    return result;
  }

  /** Checks and advances the stream, then inserts its events at the positions reserved. */
  private async insertAt(
    tx: SqlExecutor,
    reserved: { transactionId: string; firstPosition: bigint },
    stream: string,
    events: PreparedEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const firstRevision = await checkAndAdvanceStream(
      tx,
      stream,
      events.length,
      options.expectedRevision ?? 'any',
    );
    await tx.query(
      `INSERT INTO es_events
         (position, transaction_id, stream_id, revision, event_id, event_type, schema_version,
          data, metadata, occurred_at)
       SELECT $1::bigint + n - 1, $2::xid8, $3, $4::bigint + n - 1, e.id, e.type, e.version,
              e.data, e.metadata, e.occurred_at
       FROM unnest($5::uuid[], $6::text[], $7::int[], $8::jsonb[], $9::jsonb[], $10::timestamptz[])
            WITH ORDINALITY AS e(id, type, version, data, metadata, occurred_at, n)`,
      [
        reserved.firstPosition.toString(),
        reserved.transactionId,
        stream,
        firstRevision.toString(),
        ...eventColumns(events),
      ],
    );
    const lastPosition = reserved.firstPosition + BigInt(events.length) - 1n;
    return { nextRevision: firstRevision + BigInt(events.length) - 1n, position: lastPosition };
  }

  /**
   * Several streams' events in the caller's transaction, with four statements whatever their
   * number (`appendWithin` takes four per stream): for bulk loads, such as the bench's
   * workload. Each stream's revisions continue from what it holds, as with
   * `expectedRevision: 'any'`; the rows are those `appendWithin` would write for the same
   * appends in the same order. Answers the last position, or undefined for no events.
   */
  async appendStreamsWithin(
    tx: SqlExecutor,
    appends: readonly StreamEvents[],
  ): Promise<bigint | undefined> {
    const last = await appendStreamsInBulk(tx, appends);
    if (last !== undefined) await this.notifyAppended(tx, last);
    return last;
  }

  /** Wakes other processes' readers when the transaction commits (PGlite has no others). */
  private async notifyAppended(tx: SqlExecutor, lastPosition: bigint): Promise<void> {
    if (this.db.kind !== 'postgres') return;
    await tx.query(`SELECT pg_notify($1, $2)`, [NOTIFY_CHANNEL, lastPosition.toString()]);
  }

  prepare(stream: string, events: NewEvent[]): PreparedEvent[] {
    return prepareEvents(stream, events, this.upcasters, this.clock);
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const params: unknown[] = [stream];
    const where = ['stream_id = $1'];
    const bound = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    const backwards = options.direction === 'backwards';
    if (options.fromRevision !== undefined) {
      bound(backwards ? 'revision <= ?' : 'revision >= ?', options.fromRevision.toString());
    }
    if (options.toRevision !== undefined) {
      bound(backwards ? 'revision >= ?' : 'revision <= ?', options.toRevision.toString());
    }
    if (options.until) bound('occurred_at <= ?', options.until.toISOString());
    let sql = `SELECT ${EVENT_COLUMNS} FROM es_events WHERE ${where.join(' AND ')}
               ORDER BY revision ${backwards ? 'DESC' : 'ASC'}`;
    if (options.maxCount !== undefined)
      sql += ` LIMIT ${Math.max(0, Math.floor(options.maxCount))}`;
    const { rows } = await this.db.query<EventRow>(sql, params);
    return rows.map((row) => this.toEvent(row));
  }

  async streamRevision(stream: string): Promise<bigint | undefined> {
    const { rows } = await this.db.query<{ revision: string }>(
      'SELECT revision FROM es_streams WHERE stream_id = $1',
      [stream],
    );
    return rows.length > 0 ? BigInt(rows[0].revision) : undefined;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const params: unknown[] = [(options.fromPosition ?? 0n).toString()];
    let typeFilter = '';
    if (options.eventTypes) {
      params.push(options.eventTypes);
      typeFilter = `AND event_type = ANY($2::text[])`;
    }
    const limit = Math.max(1, Math.floor(options.limit ?? 1000));
    const { rows } = await this.db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM es_events
       WHERE position > $1::bigint AND ${SAFE_TO_READ} ${typeFilter}
       ORDER BY position LIMIT ${limit}`,
      params,
    );
    return rows.map((row) => this.toEvent(row));
  }

  async headPosition(): Promise<bigint | undefined> {
    const { rows } = await this.db.query<{ position: string }>(
      `SELECT position FROM es_events WHERE ${SAFE_TO_READ} ORDER BY position DESC LIMIT 1`,
    );
    return rows.length > 0 ? BigInt(rows[0].position) : undefined;
  }

  async lastCommittedPosition(): Promise<bigint | undefined> {
    const { rows } = await this.db.query<{ position: string | null }>(
      'SELECT max(position) AS position FROM es_events',
    );
    return rows[0]?.position ? BigInt(rows[0].position) : undefined;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): LogSubscription {
    return new PollingLogSubscription({
      fromPosition: options.fromPosition,
      batchSize: options.batchSize ?? 500,
      pollIntervalMs: this.options.pollIntervalMs ?? 250,
      readBatch: (fromPosition, limit) => this.readAll({ fromPosition, limit }),
      onAppended: (wake) => {
        this.appended.on('appended', wake);
        return () => this.appended.off('appended', wake);
      },
    });
  }

  async close(): Promise<void> {
    await this.stopListening?.();
    this.appended.removeAllListeners();
  }

  private toEvent(row: EventRow): RecordedEvent {
    return toRecordedEvent(
      {
        id: row.event_id,
        type: row.event_type,
        data: row.data,
        metadata: row.metadata,
        stream: row.stream_id,
        revision: BigInt(row.revision),
        position: BigInt(row.position),
      },
      this.upcasters,
    );
  }

  /**
   * On PostgreSQL, appends made by other processes wake this process's subscriptions. The
   * listening connection comes back by itself after a server restart; notifications sent while
   * it was away are lost, so a reconnection wakes every subscription to read from its
   * checkpoint (they poll anyway, every `pollIntervalMs`).
   */
  private async listenToOtherProcesses(): Promise<void> {
    if (!(this.db instanceof PostgresDatabase)) return;
    const wake = () => this.appended.emit('appended');
    const listener = await this.db.listen(NOTIFY_CHANNEL, {
      onNotification: wake,
      onReconnected: wake,
    });
    this.stopListening = () => listener.close();
  }
}
