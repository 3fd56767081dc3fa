import { CUSTOMER_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { CustomerFileRow } from './customer-file.entity';
import { evolveCustomerFile } from './customer-file.evolve';
import { isRecordedCustomerEvent } from './recorded-customer-event';

/** The customer file and list: `evolveCustomerFile` over the customer's stream, one upsert. */
export class CustomerFileProjection implements Projection {
  readonly name = 'customer-file';
  readonly handles: readonly string[] = CUSTOMER_EVENT_TYPES;
  readonly tables = ['customer_file'];

  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    if (!isRecordedCustomerEvent(event)) return;
    const files = manager.getRepository(CustomerFileRow);
    const current = await files.findOneBy({ id: event.data.customerId });
    // Idempotent: a revision already applied (a replayed batch, a duplicate delivery) is skipped.
    if (current !== null && BigInt(current.lastRevision) >= event.revision) return;
    const next = evolveCustomerFile(current, event);
    if (next !== null) await files.upsert(next, ['id']);
  }
}
