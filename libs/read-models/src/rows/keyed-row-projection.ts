import type { RecordedEvent } from '@app/event-store';
import { ObjectLiteral } from 'typeorm';
import { Projection } from '../projection';
import type { RebuildDescriptor } from '../rebuild/rebuild-descriptor';
import { applyToKeyedRows, KeyedRowsSpec } from './keyed-rows';

/**
 * A read model of one row per stream or aggregate, declared rather than written: its name, the
 * event types it reads, its table and entity, and the pure fold (`canHandle`, `keyOf`,
 * `evolve`, `lastRevisionOf`).
 */
export interface KeyedRowProjectionSpec<
  Row extends ObjectLiteral,
  E extends RecordedEvent,
> extends KeyedRowsSpec<Row, E> {
  name: string;
  handles: readonly string[];
  /** The entity's table, emptied by a rebuild. */
  table: string;
  rebuild?: RebuildDescriptor;
}

/**
 * The projection of a keyed-row read model (what Emmett's `pongoSingleStreamProjection` is to a
 * document): each batch loads the rows its events key with one SELECT, folds the events in log
 * order with `evolve`, skipping an event whose revision its row already holds (a replayed batch,
 * a duplicate delivery), and writes the rows that changed with one COPY of the new ones and one
 * upsert of the others (`applyToKeyedRows`).
 */
export function keyedRowProjection<Row extends ObjectLiteral, E extends RecordedEvent>(
  spec: KeyedRowProjectionSpec<Row, E>,
): Projection {
  return {
    name: spec.name,
    handles: spec.handles,
    tables: [spec.table],
    ...(spec.rebuild === undefined ? {} : { rebuild: spec.rebuild }),
    async applyBatch(events, manager) {
      await applyToKeyedRows(spec, events, manager);
    },
  };
}
