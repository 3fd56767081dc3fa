import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows per statement: each statement's rows travel as one JSON parameter. */
const ROWS_PER_STATEMENT = 2000;

type OnConflict = 'fail' | 'ignore' | 'update';

/**
 * Many rows in one statement: `INSERT … SELECT … FROM jsonb_to_recordset($1)`, the rows sent
 * as one JSON array with the entity's column names, types and transformers. TypeORM's own
 * multi-row INSERT binds one parameter per value and spends more time building the statement
 * than PostgreSQL spends running it; this binds one. Every column is written (a missing
 * property is NULL, not the column's default). `ignore` leaves a row whose primary key is
 * already there as it was; `update` overwrites it (an upsert).
 */
export async function insertRows<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  rows: readonly Row[],
  onConflict: OnConflict = 'fail',
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(entity);
  const { driver } = manager.connection;
  const columns = metadata.columns;
  const names = columns.map((column) => driver.escape(column.databaseName));
  const types = columns.map(
    (column) =>
      `${driver.escape(column.databaseName)} ${driver.normalizeType(column)}${column.isArray ? '[]' : ''}`,
  );
  const keys = metadata.primaryColumns.map((column) => driver.escape(column.databaseName));
  const updates = columns
    .filter((column) => !column.isPrimary)
    .map(
      (column) =>
        `${driver.escape(column.databaseName)} = EXCLUDED.${driver.escape(column.databaseName)}`,
    );
  const conflict = {
    fail: '',
    ignore: ` ON CONFLICT (${keys.join(', ')}) DO NOTHING`,
    update: ` ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${updates.join(', ')}`,
  }[onConflict];
  const sql =
    `INSERT INTO ${driver.escape(metadata.tablePath)} (${names.join(', ')}) ` +
    `SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS row(${types.join(', ')})` +
    conflict;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const records = rows
      .slice(start, start + ROWS_PER_STATEMENT)
      .map((row) =>
        Object.fromEntries(
          columns.map((column) => [column.databaseName, column.getEntityValue(row, true) ?? null]),
        ),
      );
    await manager.query(sql, [JSON.stringify(records)]);
  }
}
