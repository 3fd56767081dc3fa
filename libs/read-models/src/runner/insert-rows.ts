import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows per statement: each statement's rows travel as one JSON parameter. */
const ROWS_PER_STATEMENT = 2000;

type OnConflict = 'fail' | 'ignore' | 'update';

/**
 * Many rows in one statement: `INSERT … SELECT … FROM jsonb_to_recordset($1)`, the rows sent
 * as one JSON array keyed by the entity's property paths, typed by its columns. TypeORM's own
 * multi-row INSERT binds one parameter per value and spends more time building the statement
 * than PostgreSQL spends running it; this binds one, and sends rows as they are unless a
 * column is embedded or transformed. Every column is written (a missing property is NULL, not
 * the column's default). `ignore` leaves a row whose primary key is already there as it was;
 * `update` overwrites it (an upsert).
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
  // The JSON's keys are the entity's property paths, so plain rows are sent as they are.
  const fields = columns.map((column) => driver.escape(column.propertyPath));
  const types = columns.map(
    (column) =>
      `${driver.escape(column.propertyPath)} ${driver.normalizeType(column)}${column.isArray ? '[]' : ''}`,
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
    `SELECT ${fields.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS row(${types.join(', ')})` +
    conflict;
  const transformed = columns.filter(
    (column) => column.embeddedMetadata !== undefined || column.transformer !== undefined,
  );
  // Only a row with embedded or transformed columns is copied, with those values set.
  const recordOf = (row: Row): ObjectLiteral => {
    const record: ObjectLiteral = { ...row };
    for (const column of transformed)
      record[column.propertyPath] = column.getEntityValue(row, true) ?? null;
    return record;
  };
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const slice = rows.slice(start, start + ROWS_PER_STATEMENT);
    const records = transformed.length === 0 ? slice : slice.map(recordOf);
    await manager.query(sql, [JSON.stringify(records)]);
  }
}

/**
 * `alias.property = ANY(CAST(:values AS type[]))`, for a query builder's `where(...)`: one bind
 * parameter for any number of values, cast to the column's type (TypeORM's `In` binds one per
 * value, and its statement building then costs more than the query).
 */
export function equalsAnyOf<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  alias: string,
  property: string,
  values: readonly unknown[],
): [string, { values: readonly unknown[] }] {
  const column = manager.connection.getMetadata(entity).findColumnWithPropertyName(property);
  if (column === undefined) throw new Error(`No column for property ${property}`);
  const type = manager.connection.driver.normalizeType(column);
  return [`${alias}.${property} = ANY(CAST(:values AS ${type}[]))`, { values }];
}
