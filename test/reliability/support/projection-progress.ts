import { SqlDatabase } from '@app/database';
import { allReadModelProjections } from '@app/read-models';

/** The highest position in the log (0 when it is empty). */
export async function logHead(database: SqlDatabase): Promise<bigint> {
  const { rows } = await database.query<{ head: string | null }>(
    'SELECT max(position) AS head FROM es_events',
  );
  return BigInt(rows[0].head ?? 0);
}

/** Every projection's checkpoint, in the order of `allReadModelProjections()` (0 for one that has none yet). */
export async function projectionCheckpoints(database: SqlDatabase): Promise<bigint[]> {
  const { rows } = await database.query<{ name: string; position: string }>(
    'SELECT name, position FROM projection_checkpoints',
  );
  const saved = new Map(rows.map((row) => [row.name, BigInt(row.position)]));
  return allReadModelProjections().map((projection) => saved.get(projection.name) ?? 0n);
}

/** The lowest checkpoint among all projections: every read model holds the log up to it. */
export async function lowestCheckpoint(database: SqlDatabase): Promise<bigint> {
  return (await projectionCheckpoints(database)).reduce((lowest, position) =>
    position < lowest ? position : lowest,
  );
}
