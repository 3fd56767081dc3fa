import { quoteIdentifier, SqlDatabase } from '@app/database';
import { allReadModelProjections } from '@app/read-models';

/** Every table a projection owns (what a rebuild empties). */
export const readModelTables = (): string[] => [
  ...new Set(allReadModelProjections().flatMap((projection) => projection.tables)),
];

/** Each read-model table's rows as sorted JSON texts: two snapshots are equal iff the rows are. */
export async function snapshotReadModels(database: SqlDatabase): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of readModelTables()) {
    const { rows } = await database.query<{ row: string }>(
      `SELECT to_jsonb(t)::text AS row FROM ${quoteIdentifier(table)} t`,
    );
    snapshot[table] = rows.map((r) => r.row).sort();
  }
  return snapshot;
}

/**
 * Empties every read model and forgets the checkpoints and parked events: the next runner
 * rebuilds from the log.
 */
export async function clearReadModels(database: SqlDatabase): Promise<void> {
  await database.query(
    `TRUNCATE ${readModelTables().map(quoteIdentifier).join(', ')}; DELETE FROM projection_checkpoints; DELETE FROM projection_parked_events`,
  );
}

/** Per table, the rows only one side has (at most `limit` each): empty when the two are equal. */
export function snapshotDifferences(
  actual: Record<string, string[]>,
  expected: Record<string, string[]>,
  limit = 3,
): Record<string, { onlyInActual: string[]; onlyInExpected: string[] }> {
  const differences: Record<string, { onlyInActual: string[]; onlyInExpected: string[] }> = {};
  for (const table of Object.keys(expected)) {
    const minus = (a: string[], b: string[]) => {
      const counts = new Map<string, number>();
      for (const row of b) counts.set(row, (counts.get(row) ?? 0) + 1);
      return a.filter((row) => {
        const left = counts.get(row) ?? 0;
        counts.set(row, left - 1);
        return left <= 0;
      });
    };
    const onlyInActual = minus(actual[table] ?? [], expected[table]);
    const onlyInExpected = minus(expected[table], actual[table] ?? []);
    if (onlyInActual.length || onlyInExpected.length)
      differences[table] = {
        onlyInActual: onlyInActual.slice(0, limit),
        onlyInExpected: onlyInExpected.slice(0, limit),
      };
  }
  return differences;
}
