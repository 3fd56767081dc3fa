import { leasedCopyFrom, SqlLease } from '@app/database';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { ApplyValueTransformers } from 'typeorm/util/ApplyValueTransformers';
import { copyJsonField, copyScalarField } from './copy-text';

/** Rows per statement (per chunk of a COPY): each statement's rows travel as one JSON parameter. */
const ROWS_PER_STATEMENT = 2000;

type OnConflict = 'fail' | 'ignore' | 'update';

/**
 * Many rows in one statement. `fail` (every row is new) streams them with `COPY … FROM STDIN`
 * when the manager is in a transaction on one of our leases (PostgreSQL or PGlite): the server
 * parses COPY's text format at about half the cost of the JSON below. Otherwise, and for
 * `ignore` and `update`, which COPY cannot do: `INSERT … SELECT … FROM jsonb_to_recordset($1)`,
 * the rows sent as one JSON array keyed by the entity's property paths, typed by its columns.
 * TypeORM's own multi-row INSERT binds one parameter per value and spends more time building
 * the statement than PostgreSQL spends running it; this binds one, and sends rows as they are
 * unless a column is embedded or transformed. Every column is written (a missing property is
 * NULL, not the column's default). `ignore` leaves a row whose primary key is already there as
 * it was; `update` overwrites it (an upsert).
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
  const table = driver.escape(metadata.tablePath);
  const copy = onConflict === 'fail' ? await copyFromOf(manager, columns) : undefined;
  if (copy) {
    const json = columns.map((column) => /^jsonb?$/.test(driver.normalizeType(column)));
    await copy(`${table} (${names.join(', ')})`, copyChunksOf(rows, columns, json));
    return;
  }
  // The JSON's keys are the entity's property paths, so plain rows are sent as they are.
  const transformed = columns
    .filter(isTransformed)
    .map((column) => ({ property: column.propertyPath, valueOf: databaseValueOf(column) }));
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
    `INSERT INTO ${table} (${names.join(', ')}) ` +
    `SELECT ${fields.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS row(${types.join(', ')})` +
    conflict;
  // Only a row with embedded or transformed columns is copied, with those values set.
  const recordOf = (row: Row): ObjectLiteral => {
    const record: ObjectLiteral = { ...row };
    for (const { property, valueOf } of transformed) record[property] = valueOf(row) ?? null;
    return record;
  };
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const slice = rows.slice(start, start + ROWS_PER_STATEMENT);
    const records = transformed.length === 0 ? slice : slice.map(recordOf);
    await manager.query(sql, [JSON.stringify(records)]);
  }
}

const isTransformed = (column: ColumnMetadata): boolean =>
  column.embeddedMetadata !== undefined || column.transformer !== undefined;

/**
 * Reads the value PostgreSQL gets for `column` from a row: through its transformer, from its
 * embedded path. A column of the row itself (no embedding, no relation) is read as
 * `getEntityValue(row, true)` reads it, without its checks: this runs for every row.
 */
function databaseValueOf(column: ColumnMetadata): (row: ObjectLiteral) => unknown {
  const { propertyPath: property, transformer } = column;
  if (column.embeddedMetadata || column.relationMetadata || column.referencedColumn)
    return (row) => column.getEntityValue(row, true) as unknown;
  if (transformer !== undefined)
    return (row) => ApplyValueTransformers.transformTo(transformer, row[property]) as unknown;
  return (row) => row[property];
}

/**
 * The lease's COPY when the manager is in a transaction on one of our leases and every column
 * is a scalar or JSON (COPY's text format would need array literals for an array column).
 */
async function copyFromOf(
  manager: EntityManager,
  columns: readonly ColumnMetadata[],
): Promise<SqlLease['copyFrom'] | undefined> {
  const runner = manager.queryRunner;
  if (runner === undefined || runner.isReleased || !runner.isTransactionActive) return undefined;
  if (columns.some((column) => column.isArray)) return undefined;
  return leasedCopyFrom(await runner.connect());
}

/** The rows in COPY's text format, `ROWS_PER_STATEMENT` lines to a chunk; `json[i]`: column i is JSON. */
function copyChunksOf(
  rows: readonly ObjectLiteral[],
  columns: readonly ColumnMetadata[],
  json: readonly boolean[],
): string[] {
  const fields = columns.map((column, index): ((row: ObjectLiteral) => string) => {
    const encode = json[index] ? copyJsonField : copyScalarField;
    if (!isTransformed(column)) {
      const property = column.propertyPath;
      return (row) => encode(row[property]);
    }
    const valueOf = databaseValueOf(column);
    return (row) => encode(valueOf(row));
  });
  // Joined from arrays rather than concatenated field by field: a third less time here, as the
  // string is built flat instead of as a tree that writing it would flatten.
  const chunks: string[] = [];
  const lines: string[] = [];
  const values = new Array<string>(fields.length);
  for (const row of rows) {
    for (let i = 0; i < fields.length; i++) values[i] = fields[i](row);
    lines.push(values.join('\t'));
    if (lines.length === ROWS_PER_STATEMENT) {
      lines.push('');
      chunks.push(lines.join('\n'));
      lines.length = 0;
    }
  }
  if (lines.length > 0) {
    lines.push('');
    chunks.push(lines.join('\n'));
  }
  return chunks;
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
