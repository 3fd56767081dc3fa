import { quoteIdentifier, SqlDatabase } from '@app/database';
import { round } from '../support/measure';

const ROWS_PER_INSERT = 1000;

export interface BareInsertFigures {
  rows: number;
  seconds: number;
}

/**
 * The rebuild's baseline: the rows the projections wrote, inserted again into bare copies of
 * their tables (same columns, no index, no constraint; logged like the real ones, then dropped) by multi-row INSERTs of
 * `ROWS_PER_INSERT` rows from the client. Only the INSERTs and the COMMIT are timed; reading
 * the rows back (through a cursor, in the same transaction so PGlite's one session can do it)
 * is not.
 */
export async function bareInsertBaseline(
  db: SqlDatabase,
  tables: readonly string[],
): Promise<BareInsertFigures> {
  const lease = await db.lease();
  let rows = 0;
  let insertMs = 0;
  try {
    await lease.query('BEGIN');
    for (const table of tables) {
      const bare = quoteIdentifier(`bench_bare_${table}`);
      await lease.query(`CREATE TABLE ${bare} (LIKE ${quoteIdentifier(table)})`);
      await lease.query(
        `DECLARE bench_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${quoteIdentifier(table)} t`,
      );
      for (;;) {
        const chunk = await lease.query<{ row: string }>(
          `FETCH ${ROWS_PER_INSERT} FROM bench_rows`,
        );
        if (chunk.rows.length === 0) break;
        const payload = `[${chunk.rows.map((r) => r.row).join(',')}]`;
        const started = performance.now();
        await lease.query(
          `INSERT INTO ${bare} SELECT * FROM json_populate_recordset(NULL::${bare}, $1::json)`,
          [payload],
        );
        insertMs += performance.now() - started;
        rows += chunk.rows.length;
      }
      await lease.query('CLOSE bench_rows');
    }
    const committing = performance.now();
    await lease.query('COMMIT');
    insertMs += performance.now() - committing;
  } catch (error) {
    await lease.query('ROLLBACK');
    throw error;
  } finally {
    for (const table of tables) {
      await lease.query(`DROP TABLE IF EXISTS ${quoteIdentifier(`bench_bare_${table}`)}`);
    }
    lease.release();
  }
  return { rows, seconds: round(insertMs / 1000, 3) };
}
