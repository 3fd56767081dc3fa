import { SqlExecutor } from '@app/database';
import { PreparedEvent } from '../event-envelope';
import { AppendResult, ExpectedRevision } from '../event-store.port';
import { WrongExpectedRevisionError } from '../errors';

/** The channel appends notify (with their last position) so other processes' readers wake. */
export const NOTIFY_CHANNEL = 'es_appended';

/**
 * Takes `count` positions and the transaction's id under the position lock
 * (`es_reserve_positions`): it must be an append transaction's first write.
 */
export async function reservePositions(
  tx: SqlExecutor,
  count: number,
): Promise<{ transactionId: string; firstPosition: bigint }> {
  try {
    const { rows } = await tx.query<{ transaction_id: string; first_position: string }>(
      'SELECT transaction_id::text, first_position FROM es_reserve_positions($1)',
      [count],
    );
    return { transactionId: rows[0].transaction_id, firstPosition: BigInt(rows[0].first_position) };
  } catch (error) {
    // The lock is session-level: never leave it held on a pooled connection.
    await tx.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    throw error;
  }
}

/**
 * The events as the append INSERT's column arrays, in its order: ids (`uuid[]`), types,
 * schema versions (`int[]`), data and metadata (`jsonb[]`), occurred-at (`timestamptz[]`).
 */
export function eventColumns(events: readonly PreparedEvent[]): unknown[][] {
  return [
    events.map((event) => event.id),
    events.map((event) => event.type),
    events.map((event) => event.metadata.schemaVersion),
    events.map((event) => JSON.stringify(event.data)),
    events.map((event) => JSON.stringify(event.metadata)),
    events.map((event) => event.metadata.occurredAt),
  ];
}

/**
 * An append outside any caller's transaction as one call of `es_append`: one round trip (its
 * statement is its transaction) where BEGIN, the reservation, the stream's check, the INSERT,
 * the notification and COMMIT took six. The same rows, the same ordering guarantee.
 */
export async function appendInOneCall(
  db: SqlExecutor,
  stream: string,
  events: readonly PreparedEvent[],
  expected: ExpectedRevision,
  notifyChannel: string | null,
): Promise<AppendResult> {
  const [kind, revision] =
    typeof expected === 'bigint' ? ['revision', expected.toString()] : [expected, null];
  const { rows } = await db.query<{
    next_revision: string | null;
    last_position: string | null;
    current_revision: string | null;
  }>(
    `SELECT next_revision::text, last_position::text, current_revision::text
     FROM es_append($1, $2, $3::bigint, $4::uuid[], $5::text[], $6::int[], $7::jsonb[],
                    $8::jsonb[], $9::timestamptz[], $10)`,
    [stream, kind, revision, ...eventColumns(events), notifyChannel],
  );
  const [row] = rows;
  if (row.next_revision === null || row.last_position === null) {
    const current = row.current_revision === null ? 'no_stream' : BigInt(row.current_revision);
    throw new WrongExpectedRevisionError(stream, expected, current);
  }
  return { nextRevision: BigInt(row.next_revision), position: BigInt(row.last_position) };
}

/** One stream's share of `appendManyInOneCall`. */
export interface StreamAppendSql {
  stream: string;
  events: readonly PreparedEvent[];
  expected: ExpectedRevision;
}

/**
 * Several streams' appends outside any caller's transaction as one call of `es_append_many`:
 * all or none, one round trip where a transaction took 4 + 2 per stream. The same rows, the
 * same ordering guarantee as the transaction it replaces.
 */
export async function appendManyInOneCall(
  db: SqlExecutor,
  appends: readonly StreamAppendSql[],
  notifyChannel: string | null,
): Promise<AppendResult[]> {
  const events = appends.flatMap((append) => append.events);
  const { rows } = await db.query<{
    next_revisions: string[] | null;
    last_positions: string[] | null;
    failed_index: number | null;
    current_revision: string | null;
  }>(
    `SELECT next_revisions::text[], last_positions::text[], failed_index, current_revision::text
     FROM es_append_many($1::text[], $2::text[], $3::bigint[], $4::int[], $5::uuid[],
                         $6::text[], $7::int[], $8::jsonb[], $9::jsonb[], $10::timestamptz[],
                         $11)`,
    [
      appends.map((append) => append.stream),
      appends.map(({ expected }) => (typeof expected === 'bigint' ? 'revision' : expected)),
      appends.map(({ expected }) => (typeof expected === 'bigint' ? expected.toString() : null)),
      appends.map((append) => append.events.length),
      ...eventColumns(events),
      notifyChannel,
    ],
  );
  const [row] = rows;
  if (row.failed_index !== null || !row.next_revisions || !row.last_positions) {
    const failed = appends[(row.failed_index ?? 1) - 1];
    const current = row.current_revision === null ? 'no_stream' : BigInt(row.current_revision);
    throw new WrongExpectedRevisionError(failed.stream, failed.expected, current);
  }
  const { next_revisions: revisions, last_positions: positions } = row;
  return appends.map((_, index) => ({
    nextRevision: BigInt(revisions[index]),
    position: BigInt(positions[index]),
  }));
}
