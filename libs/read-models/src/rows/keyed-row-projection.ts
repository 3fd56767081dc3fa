import type { RecordedEvent } from '@app/event-store';
import { EntityManager, ObjectLiteral } from 'typeorm';
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
  /** Set when the rows hold a customer's personal data: how the customer's erasure rewrites them. */
  erasedWithCustomer?: CustomerErasure;
}

/** The event that erases a customer's personal data (its `customerId` names the customer). */
const ERASURE = 'CustomerPersonalDataErased';

/**
 * How rows holding a customer's free text (tickets, tasks, estimates) follow the customer's
 * erasure: `erase` rewrites that customer's rows to what the log's sealed events now read as,
 * so the live rows and a rebuilt one agree.
 */
export interface CustomerErasure {
  /** The index `erase` finds the customer's rows by: a rebuild keeps it while it runs. */
  byCustomerIndex: string;
  erase(manager: EntityManager, customerId: string): Promise<void>;
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
  if (spec.erasedWithCustomer !== undefined)
    return erasableKeyedRowProjection(spec, spec.erasedWithCustomer);
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

/**
 * A keyed-row projection that also reads the customer's erasure: the events before it in the
 * batch are folded first, then the customer's rows rewritten, then the events after it (which
 * the store already reads erased), as applying them one by one would.
 */
function erasableKeyedRowProjection<Row extends ObjectLiteral, E extends RecordedEvent>(
  spec: KeyedRowProjectionSpec<Row, E>,
  erasure: CustomerErasure,
): Projection {
  return {
    name: spec.name,
    handles: [...spec.handles, ERASURE],
    tables: [spec.table],
    rebuild: {
      ...spec.rebuild,
      indexesReadOn: { ...spec.rebuild?.indexesReadOn, [ERASURE]: [erasure.byCustomerIndex] },
    },
    async applyBatch(events, manager) {
      let run: RecordedEvent[] = [];
      for (const event of events) {
        if (event.type !== ERASURE) {
          run.push(event);
          continue;
        }
        if (run.length > 0) await applyToKeyedRows(spec, run, manager);
        run = [];
        await erasure.erase(manager, (event.data as { customerId: string }).customerId);
      }
      if (run.length > 0) await applyToKeyedRows(spec, run, manager);
    },
  };
}
