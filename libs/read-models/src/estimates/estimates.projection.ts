import { CustomerEventType, ESTIMATE_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { applyToKeyedRows, KeyedRowsSpec } from '../rows/keyed-rows';
import { EstimateRow } from './estimate.entity';
import {
  erasedEstimateRow,
  evolveEstimateRow,
  isRecordedEstimateEvent,
  RecordedEstimateEvent,
} from './estimate.evolve';

const ERASURE: CustomerEventType = 'CustomerPersonalDataErased';

const estimateRows: KeyedRowsSpec<EstimateRow, RecordedEstimateEvent> = {
  entity: EstimateRow,
  key: 'id',
  canHandle: isRecordedEstimateEvent,
  keyOf: (event) => event.data.estimateId,
  evolve: evolveEstimateRow,
  lastRevisionOf: (row) => row.version - 1,
};

/**
 * Rule 29's estimates, one row each. A customer's erasure rewrites its estimates' lines and
 * free text to the erased form, the events before it in the batch applied first (as tickets do).
 */
export const estimatesProjection = (): Projection => ({
  name: 'estimates',
  handles: [...ESTIMATE_EVENT_TYPES, ERASURE],
  tables: ['estimates'],
  rebuild: { indexesReadOn: { [ERASURE]: ['estimates_by_customer'] } },
  async applyBatch(events, manager) {
    let pending: RecordedEvent[] = [];
    for (const event of events) {
      if (event.type !== ERASURE) {
        pending.push(event);
        continue;
      }
      await applyToKeyedRows(estimateRows, pending, manager);
      pending = [];
      await eraseEstimates(manager, (event.data as { customerId: string }).customerId);
    }
    await applyToKeyedRows(estimateRows, pending, manager);
  },
});

async function eraseEstimates(manager: EntityManager, customerId: string): Promise<void> {
  const estimates = manager.getRepository(EstimateRow);
  const rows = await estimates.findBy({ customerId });
  if (rows.length > 0) await estimates.save(rows.map(erasedEstimateRow));
}
