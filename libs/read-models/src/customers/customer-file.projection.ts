import { CUSTOMER_EVENT_TYPES } from '@app/domain';
import { Projection } from '../projection';
import { keyedRowProjection } from '../rows/keyed-row-projection';
import { CustomerFileRow } from './customer-file.entity';
import { evolveCustomerFile } from './customer-file.evolve';
import { isRecordedCustomerEvent } from './recorded-customer-event';

/** The customer file and list: `evolveCustomerFile` over the customer's stream, one row each. */
export const customerFileProjection = (): Projection =>
  keyedRowProjection({
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
