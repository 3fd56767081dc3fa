import { SqlExecutor } from '@app/database';
import { PreparedEvent } from '../event-envelope';

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
