import type { RecordedEvent } from '@app/event-store';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { equalsAnyOf, insertRows } from './insert-rows';

/** How events fold into rows keyed by their stream or aggregate: pure, no I/O. */
export interface KeyedFold<Row, E extends RecordedEvent = RecordedEvent> {
  /** The events it folds (a type guard); the others leave every row as it was. */
  canHandle(event: RecordedEvent): event is E;
  /** The row an event updates, or `null` if the event touches none. */
  keyOf(event: E): string | null;
  /** Folds one event into its row; `null` leaves the row as it was. */
  evolve(current: Row | null, event: E): Row | null;
  /**
   * The stream revision the row last applied: events at or below it are skipped. Without it,
   * every event is folded: the caller has already left out events applied before.
   */
  lastRevisionOf?(row: Row): number;
}

export interface KeyedRowsSpec<
  Row extends ObjectLiteral,
  E extends RecordedEvent = RecordedEvent,
> extends KeyedFold<Row, E> {
  entity: EntityTarget<Row>;
  /** The primary-key column, the conflict target of the upsert. */
  key: keyof Row & string;
}

/** The keys of the rows the events update, each once. */
export function keysOf<E extends RecordedEvent>(
  fold: Pick<KeyedFold<unknown, E>, 'canHandle' | 'keyOf'>,
  events: readonly RecordedEvent[],
): string[] {
  const keys = new Set<string>();
  for (const event of events) {
    const key = fold.canHandle(event) ? fold.keyOf(event) : null;
    if (key !== null) keys.add(key);
  }
  return [...keys];
}

/**
 * The events folded, in log order, into the rows they key (`rows`: those there now, by key):
 * answers the rows that changed, by key. Pure. Idempotent: an event whose revision its row
 * already holds is skipped, so a batch applied twice changes nothing the second time.
 */
export function foldIntoRows<Row, E extends RecordedEvent>(
  fold: KeyedFold<Row, E>,
  events: readonly RecordedEvent[],
  rows: ReadonlyMap<string, Row>,
): Map<string, Row> {
  const current = new Map(rows);
  const changed = new Map<string, Row>();
  for (const event of events) {
    if (!fold.canHandle(event)) continue;
    const key = fold.keyOf(event);
    if (key === null) continue;
    const row = current.get(key) ?? null;
    const applied = row === null ? undefined : fold.lastRevisionOf?.(row);
    if (applied !== undefined && BigInt(applied) >= event.revision) continue;
    const next = fold.evolve(row, event);
    if (next === null) continue;
    current.set(key, next);
    changed.set(key, next);
  }
  return changed;
}

/**
 * A batch of events folded into "one row per aggregate" read models with a few statements
 * instead of two per event: one SELECT of every row the batch touches, the events folded in
 * memory in log order (`foldIntoRows`), then the rows that changed written: those the SELECT
 * did not find as new rows (`insertRows`' `fail`, a COPY in a transaction), the others by one
 * multi-row upsert. A projection's rows have one writer, its runner, so a row the SELECT did
 * not find is new; if another writer inserted it meanwhile, the batch fails and is retried,
 * and overwrites nothing. Answers the rows written.
 */
export async function applyToKeyedRows<Row extends ObjectLiteral, E extends RecordedEvent>(
  spec: KeyedRowsSpec<Row, E>,
  events: readonly RecordedEvent[],
  manager: EntityManager,
): Promise<Row[]> {
  const keys = keysOf(spec, events);
  if (keys.length === 0) return [];
  const existing = await manager
    .getRepository(spec.entity)
    .createQueryBuilder('row')
    .where(...equalsAnyOf(manager, spec.entity, 'row', spec.key, keys))
    .getMany();
  const found = new Map<string, Row>(existing.map((row) => [String(row[spec.key]), row]));
  const changed = foldIntoRows(spec, events, found);
  const rowsChanged = [...changed.values()];
  const isNew = (row: Row) => !found.has(String(row[spec.key]));
  await insertRows(manager, spec.entity, rowsChanged.filter(isNew), 'fail');
  const updated = rowsChanged.filter((row) => !isNew(row));
  await insertRows(manager, spec.entity, updated, 'update');
  return rowsChanged;
}
