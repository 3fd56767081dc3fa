import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for a dozen columns. */
const ROWS_PER_INSERT = 1000;

/**
 * Inserts rows with one multi-row INSERT per thousand rows instead of one per row. With
 * `orIgnore`, a row whose key is already there is left as it was (`ON CONFLICT DO NOTHING`).
 */
export async function insertRows<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  rows: readonly Row[],
  options: { orIgnore?: boolean } = {},
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const query = manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      // Rows may hold plain JSON, which TypeORM's deep-partial type cannot see through `unknown`.
      .values(rows.slice(start, start + ROWS_PER_INSERT) as QueryDeepPartialEntity<Row>[])
      .updateEntity(false);
    await (options.orIgnore ? query.orIgnore() : query).execute();
  }
}
