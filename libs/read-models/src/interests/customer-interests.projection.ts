import { CustomerEventType } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { applyToKeyedRows, KeyedRowsSpec } from '../rows/keyed-rows';
import { CustomerInterestRow } from './customer-interest.entity';
import {
  erasedInterestRow,
  evolveInterestRow,
  INTEREST_EVENT_TYPES,
  isRecordedInterestEvent,
  RecordedInterestEvent,
} from './customer-interest.evolve';

const ERASURE: CustomerEventType = 'CustomerPersonalDataErased';

const interestRows: KeyedRowsSpec<CustomerInterestRow, RecordedInterestEvent> = {
  entity: CustomerInterestRow,
  key: 'id',
  canHandle: isRecordedInterestEvent,
  keyOf: (event) => event.data.interestId,
  evolve: evolveInterestRow,
  lastRevisionOf: (row) => row.lastRevision,
};

/**
 * Seed 003's interests tab, one row per interest. A customer's erasure rewrites who showed
 * each interest and its notes to the erased form, in log order with the batch's other events.
 */
export const customerInterestsProjection = (): Projection => ({
  name: 'customer-interests',
  handles: [...INTEREST_EVENT_TYPES, ERASURE],
  tables: ['customer_interests'],
  rebuild: { indexesReadOn: { [ERASURE]: ['customer_interests_by_customer'] } },
  async applyBatch(events, manager) {
    let pending: RecordedEvent[] = [];
    for (const event of events) {
      if (event.type !== ERASURE) {
        pending.push(event);
        continue;
      }
      if (pending.length > 0) await applyToKeyedRows(interestRows, pending, manager);
      pending = [];
      await eraseInterests(manager, (event.data as { customerId: string }).customerId);
    }
    if (pending.length > 0) await applyToKeyedRows(interestRows, pending, manager);
  },
});

async function eraseInterests(manager: EntityManager, customerId: string): Promise<void> {
  const interests = manager.getRepository(CustomerInterestRow);
  const rows = await interests.findBy({ customerId });
  if (rows.length > 0) await interests.save(rows.map(erasedInterestRow));
}
