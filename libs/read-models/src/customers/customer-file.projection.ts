import { CUSTOMER_CATALOG_KINDS, CUSTOMER_EVENT_TYPES, CustomerCatalogKind } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { isRecordedCatalogEvent, RecordedCatalogEvent } from '../catalogs/catalog-entry.evolve';
import { Projection } from '../projection';
import { keyedRowProjection } from '../rows/keyed-row-projection';
import { CustomerFileRow } from './customer-file.entity';
import { evolveCustomerFile } from './customer-file.evolve';
import { isRecordedCustomerEvent } from './recorded-customer-event';
import { foldedOrNull } from './search-text';

type CatalogRename = Extract<RecordedCatalogEvent, { type: 'CatalogEntryRenamed' }>;

const isCustomerCatalogRename = (event: RecordedEvent): event is CatalogRename =>
  isRecordedCatalogEvent(event) &&
  event.type === 'CatalogEntryRenamed' &&
  (CUSTOMER_CATALOG_KINDS as readonly string[]).includes(event.data.kind);

/** The id column of each kind a customer chooses (rule 28). */
const ID_COLUMN: Record<CustomerCatalogKind, string> = {
  zone: 'zone_id',
  seller: 'seller_id',
  collector: 'collector_id',
};

/**
 * Rule 28: a renamed zone, seller or collector shows its new name on every file linked to it
 * (the customers' events, and so their history, keep the name as chosen), and the advanced
 * search finds the file by it (its folded column). Idempotent.
 */
async function renameInCustomerFiles(event: CatalogRename, manager: EntityManager) {
  const kind = event.data.kind as CustomerCatalogKind;
  await manager.query(
    `UPDATE customer_file SET ${kind} = $1, ${kind}_folded = $2 WHERE ${ID_COLUMN[kind]} = $3`,
    [event.data.after, foldedOrNull(event.data.after), event.data.entryId],
  );
}

/**
 * The customer file and list: `evolveCustomerFile` over the customer's stream, one row each;
 * and, in log order with them, the renames of the catalog entries the files are linked to.
 */
export const customerFileProjection = (): Projection => {
  const rows = keyedRowProjection({
    name: 'customer-file',
    handles: CUSTOMER_EVENT_TYPES,
    table: 'customer_file',
    entity: CustomerFileRow,
    key: 'id',
    canHandle: isRecordedCustomerEvent,
    keyOf: (event) => event.data.customerId,
    evolve: evolveCustomerFile,
    lastRevisionOf: (row) => row.lastRevision,
  });
  return {
    ...rows,
    handles: [...CUSTOMER_EVENT_TYPES, 'CatalogEntryRenamed'],
    rebuild: {
      indexesReadOn: {
        CatalogEntryRenamed: [
          'customer_file_by_zone_id',
          'customer_file_by_seller_id',
          'customer_file_by_collector_id',
        ],
      },
    },
    async applyBatch(events, manager) {
      let run: RecordedEvent[] = [];
      for (const event of events) {
        if (!isCustomerCatalogRename(event)) {
          run.push(event);
          continue;
        }
        if (run.length > 0) await rows.applyBatch(run, manager);
        run = [];
        await renameInCustomerFiles(event, manager);
      }
      if (run.length > 0) await rows.applyBatch(run, manager);
    },
  };
};
