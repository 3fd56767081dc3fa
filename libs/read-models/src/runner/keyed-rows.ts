import type { RecordedEvent } from '@app/event-store';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { equalsAnyOf, insertRows } from './insert-rows';

export interface KeyedRowsSpec<Row extends ObjectLiteral> {
  entity: EntityTarget<Row>;
  /** The primary-key column, the conflict target of the upsert. */
  key: keyof Row & string;
  /** The row an event updates, or `null` if the event is not for this read model. */
  keyOf(event: RecordedEvent): string | null;
  /** Folds one event into its row; `null` leaves the row as it was. */
  evolve(current: Row | null, event: RecordedEvent): Row | null;
  /**
   * The stream revision the row last applied: events at or below it are skipped. Without it,
   * every event is folded: the caller has already left out events applied before.
   */
  lastRevisionOf?(row: Row): number;
}

/**
 * A batch of events folded into "one row per aggregate" read models with a few statements
 * instead of two per event: one SELECT of every row the batch touches, the events folded in
 * memory in log order, then the rows that changed written: those the SELECT did not find as
 * new rows (`insertRows`' `fail`, a COPY in a transaction), the others by one multi-row upsert.
 * A projection's rows have one writer, its runner, so a row the SELECT did not find is new; if
 * another writer inserted it meanwhile, the batch fails and is retried, and overwrites nothing.
 * Idempotent like the per-event path: an event whose revision a row already holds is skipped.
 */
export async function applyToKeyedRows<Row extends ObjectLiteral>(
  spec: KeyedRowsSpec<Row>,
  events: readonly RecordedEvent[],
  manager: EntityManager,
): Promise<Row[]> {
  const keyed = events.flatMap((event) => {
    const key = spec.keyOf(event);
    return key === null ? [] : [{ key, event }];
  });
  if (keyed.length === 0) return [];
  const repository = manager.getRepository(spec.entity);
  const keys = [...new Set(keyed.map(({ key }) => key))];
  const existing = await repository
    .createQueryBuilder('row')
    .where(...equalsAnyOf(manager, spec.entity, 'row', spec.key, keys))
    .getMany();
  const rows = new Map<string, Row>(existing.map((row) => [String(row[spec.key]), row]));
  const changed = new Map<string, Row>();
  for (const { key, event } of keyed) {
    const current = rows.get(key) ?? null;
    const applied = current === null ? undefined : spec.lastRevisionOf?.(current);
    if (applied !== undefined && BigInt(applied) >= event.revision) continue;
    const next = spec.evolve(current, event);
    if (next === null) continue;
    rows.set(key, next);
    changed.set(key, next);
  }
  const found = new Set(existing.map((row) => String(row[spec.key])));
  const rowsChanged = [...changed.values()];
  const isNew = (row: Row) => !found.has(String(row[spec.key]));
  await insertRows(manager, spec.entity, rowsChanged.filter(isNew), 'fail');
  const updated = rowsChanged.filter((row) => !isNew(row));
  await insertRows(manager, spec.entity, updated, 'update');
  return rowsChanged;
}
