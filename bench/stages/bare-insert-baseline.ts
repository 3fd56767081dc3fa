import { quoteIdentifier, SqlDatabase, SqlLease } from '@app/database';
import { round } from '../support/measure';

const ROWS_PER_INSERT = 1000;
/** Lines per COPY: as many as `insertRows` puts in one chunk. */
const ROWS_PER_COPY = 2000;

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
export function bareInsertBaseline(
  db: SqlDatabase,
  tables: readonly string[],
): Promise<BareInsertFigures> {
  return timedBareWrites(db, tables, {
    rowsPerWrite: ROWS_PER_INSERT,
    select: () => 'row_to_json(t)::text',
    prepare: (rows) => `[${rows.join(',')}]`,
    write: (lease, bare, payload) =>
      lease.query(
        `INSERT INTO ${bare} SELECT * FROM json_populate_recordset(NULL::${bare}, $1::json)`,
        [payload],
      ),
  });
}

/**
 * The same rows written the way the rebuild now writes new rows: `COPY … FROM STDIN` in text
 * format, `ROWS_PER_COPY` lines at a time (the lines formatted by the server as it reads them
 * back, untimed). What the rebuild would reach if it did nothing but write.
 */
export async function bareCopyBaseline(
  db: SqlDatabase,
  tables: readonly string[],
): Promise<BareInsertFigures> {
  const columnsOf = new Map<string, string[]>();
  for (const table of tables) {
    const { rows } = await db.query<{ name: string }>(
      `SELECT column_name AS name FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    columnsOf.set(
      table,
      rows.map((row) => quoteIdentifier(row.name)),
    );
  }
  return timedBareWrites(db, tables, {
    rowsPerWrite: ROWS_PER_COPY,
    select: (table) => (columnsOf.get(table) ?? []).map(copyTextOf).join(` || E'\\t' || `),
    prepare: (rows) => `${rows.join('\n')}\n`,
    write: (lease, bare, payload) => lease.copyFrom(bare, [payload]),
  });
}

/** A column as one field of COPY's text format, in SQL: NULL as \N, specials escaped. */
const copyTextOf = (column: string): string =>
  `coalesce(replace(replace(replace(replace(t.${column}::text, '\\', '\\\\'), E'\\n', '\\n'), E'\\r', '\\r'), E'\\t', '\\t'), '\\N')`;

interface BareWrites {
  rowsPerWrite: number;
  /** The SQL expression, over a table's row `t`, of one row as `prepare` takes it. */
  select(table: string): string;
  /** A chunk of rows as `write` sends them (untimed). */
  prepare(rows: readonly string[]): string;
  write(lease: SqlLease, bare: string, payload: string): Promise<unknown>;
}

/** Each table's rows, read back by a cursor and written into a bare copy; only writes timed. */
async function timedBareWrites(
  db: SqlDatabase,
  tables: readonly string[],
  { rowsPerWrite, select, prepare, write }: BareWrites,
): Promise<BareInsertFigures> {
  const lease = await db.lease();
  let rows = 0;
  let writeMs = 0;
  try {
    await lease.query('BEGIN');
    for (const table of tables) {
      const bare = quoteIdentifier(`bench_bare_${table}`);
      await lease.query(`CREATE TABLE ${bare} (LIKE ${quoteIdentifier(table)})`);
      await lease.query(
        `DECLARE bench_rows NO SCROLL CURSOR FOR SELECT ${select(table)} AS row FROM ${quoteIdentifier(table)} t`,
      );
      for (;;) {
        const chunk = await lease.query<{ row: string }>(`FETCH ${rowsPerWrite} FROM bench_rows`);
        if (chunk.rows.length === 0) break;
        const payload = prepare(chunk.rows.map((r) => r.row));
        const started = performance.now();
        await write(lease, bare, payload);
        writeMs += performance.now() - started;
        rows += chunk.rows.length;
      }
      await lease.query('CLOSE bench_rows');
    }
    const committing = performance.now();
    await lease.query('COMMIT');
    writeMs += performance.now() - committing;
  } catch (error) {
    await lease.query('ROLLBACK');
    throw error;
  } finally {
    for (const table of tables) {
      await lease.query(`DROP TABLE IF EXISTS ${quoteIdentifier(`bench_bare_${table}`)}`);
    }
    lease.release();
  }
  return { rows, seconds: round(writeMs / 1000, 3) };
}
