import { CATALOG_EVENT_TYPES } from '@app/domain';
import { Projection } from '../projection';
import { keyedRowProjection } from '../rows/keyed-row-projection';
import { CatalogEntryRow } from './catalog-entry.entity';
import { evolveCatalogEntryRow, isRecordedCatalogEvent } from './catalog-entry.evolve';

/** Rule 28's catalogs, one row per entry. */
export const catalogEntriesProjection = (): Projection =>
  keyedRowProjection({
    name: 'catalog-entries',
    handles: CATALOG_EVENT_TYPES,
    table: 'catalog_entries',
    entity: CatalogEntryRow,
    key: 'id',
    canHandle: isRecordedCatalogEvent,
    keyOf: (event) => event.data.entryId,
    evolve: evolveCatalogEntryRow,
    lastRevisionOf: (row) => row.version - 1,
  });
