import { REMITTANCE_EVENT_TYPES } from '@app/domain';
import { Projection } from '../projection';
import { keyedRowProjection } from '../rows/keyed-row-projection';
import { RemittanceRow } from './remittance.entity';
import { evolveRemittanceRow, isRecordedRemittanceEvent } from './remittance.evolve';

/** Rule 18's remittances, one row each, for the list, the detail and the SEPA file. */
export const remittancesProjection = (): Projection =>
  keyedRowProjection({
    name: 'remittances',
    handles: REMITTANCE_EVENT_TYPES,
    table: 'remittances',
    entity: RemittanceRow,
    key: 'id',
    canHandle: isRecordedRemittanceEvent,
    keyOf: (event) => event.data.remittanceId,
    evolve: evolveRemittanceRow,
    lastRevisionOf: (row) => row.lastRevision,
  });
