import { CUSTOMER_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { applyToKeyedRows, KeyedRowsSpec } from '../runner/keyed-rows';
import { CustomerFileRow } from './customer-file.entity';
import { evolveCustomerFile } from './customer-file.evolve';
import { isRecordedCustomerEvent } from './recorded-customer-event';

/** The customer file and list: `evolveCustomerFile` over the customer's stream, one upsert. */
export class CustomerFileProjection implements Projection {
  readonly name = 'customer-file';
  readonly handles: readonly string[] = CUSTOMER_EVENT_TYPES;
  readonly tables = ['customer_file'];

  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    await this.applyBatch([event], manager);
  }

  // Idempotent: a revision already applied (a replayed batch, a duplicate delivery) is skipped.
  async applyBatch(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    await applyToKeyedRows(customerFiles, events, manager);
  }
}

const customerFiles: KeyedRowsSpec<CustomerFileRow> = {
  entity: CustomerFileRow,
  key: 'id',
  keyOf: (event) => (isRecordedCustomerEvent(event) ? event.data.customerId : null),
  evolve: (row, event) => (isRecordedCustomerEvent(event) ? evolveCustomerFile(row, event) : row),
  lastRevisionOf: (row) => row.lastRevision,
};
