import { ESTIMATE_EVENT_TYPES } from '@app/domain';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { keyedRowProjection } from '../rows/keyed-row-projection';
import { EstimateRow } from './estimate.entity';
import { erasedEstimateRow, evolveEstimateRow, isRecordedEstimateEvent } from './estimate.evolve';

/**
 * Rule 29's estimates, one row each. A customer's erasure rewrites its estimates' lines and
 * free text to the erased form, in log order with the estimate events of the same batch.
 */
export const estimatesProjection = (): Projection =>
  keyedRowProjection({
    name: 'estimates',
    handles: ESTIMATE_EVENT_TYPES,
    table: 'estimates',
    entity: EstimateRow,
    key: 'id',
    canHandle: isRecordedEstimateEvent,
    keyOf: (event) => event.data.estimateId,
    evolve: evolveEstimateRow,
    lastRevisionOf: (row) => row.version - 1,
    erasedWithCustomer: { byCustomerIndex: 'estimates_by_customer', erase: eraseEstimates },
  });

async function eraseEstimates(manager: EntityManager, customerId: string): Promise<void> {
  const estimates = manager.getRepository(EstimateRow);
  const rows = await estimates.findBy({ customerId });
  if (rows.length > 0) await estimates.save(rows.map(erasedEstimateRow));
}
