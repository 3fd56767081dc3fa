import { quoteIdentifier } from '@app/database';
import { EntityManager } from 'typeorm';

/**
 * The highest log position among a table's lines (keyed by `position`), or null when it has
 * none: one probe at the right edge of the primary key. A batch whose events all lie past it
 * has none of its lines written yet, as in a rebuild or a live batch; the projections that
 * write a line per event use it to skip their per-row checks for such a batch.
 */
export async function newestPosition(
  manager: EntityManager,
  table: string,
): Promise<bigint | null> {
  const [{ newest }] = (await manager.query(
    `SELECT max(position)::text AS newest FROM ${quoteIdentifier(table)}`,
  )) as { newest: string | null }[];
  return newest === null ? null : BigInt(newest);
}

/** Whether every position given lies past `newest` (always, when the table has no line). */
export function allPast(newest: bigint | null, positions: Iterable<bigint>): boolean {
  if (newest === null) return true;
  for (const position of positions) if (position <= newest) return false;
  return true;
}
