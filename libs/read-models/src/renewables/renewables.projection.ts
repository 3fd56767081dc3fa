import { RENEWABLE_EVENT_TYPES } from '@app/domain';
import { Projection } from '../projection';
import { applyToKeyedRows, KeyedRowsSpec } from '../rows/keyed-rows';
import { RenewableRow } from './renewable.entity';
import {
  evolveRenewableRow,
  isRecordedRenewableEvent,
  RecordedRenewableEvent,
} from './renewable.evolve';

const renewableRows: KeyedRowsSpec<RenewableRow, RecordedRenewableEvent> = {
  entity: RenewableRow,
  key: 'id',
  canHandle: isRecordedRenewableEvent,
  keyOf: (event) => event.data.renewableId,
  evolve: evolveRenewableRow,
  lastRevisionOf: (row) => row.version - 1,
};

/**
 * Seed 003's renewables, one row each. They hold no personal data, so an erasure changes
 * none; the customer's name on the to-do list is read from the customer file at query time.
 */
export const renewablesProjection = (): Projection => ({
  name: 'renewables',
  handles: RENEWABLE_EVENT_TYPES,
  tables: ['renewables'],
  async applyBatch(events, manager) {
    await applyToKeyedRows(renewableRows, events, manager);
  },
});
