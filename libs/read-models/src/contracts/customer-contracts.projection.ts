import { CONTRACT_EVENT_TYPES } from '@app/domain';
import { Projection } from '../projection';
import { keyedRowProjection } from '../rows/keyed-row-projection';
import { CustomerContractRow } from './customer-contract.entity';
import { evolveCustomerContract } from './customer-contract.evolve';
import { isRecordedContractEvent } from './recorded-contract-events';

/** The customers' contracts: `evolveCustomerContract` over each contract's stream, one row each. */
export const customerContractsProjection = (): Projection =>
  keyedRowProjection({
    name: 'customer-contracts',
    handles: CONTRACT_EVENT_TYPES,
    table: 'customer_contracts',
    entity: CustomerContractRow,
    key: 'id',
    canHandle: isRecordedContractEvent,
    keyOf: (event) => event.data.contractId,
    evolve: evolveCustomerContract,
    lastRevisionOf: (row) => row.lastRevision,
  });
