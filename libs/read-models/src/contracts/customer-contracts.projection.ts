import { CONTRACT_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { applyToKeyedRows, KeyedRowsSpec } from '../runner/keyed-rows';
import { CustomerContractRow } from './customer-contract.entity';
import { evolveCustomerContract } from './customer-contract.evolve';
import { isRecordedContractEvent } from './recorded-contract-events';

/** The customers' contracts: `evolveCustomerContract` over each contract's stream, one upsert. */
export class CustomerContractsProjection implements Projection {
  readonly name = 'customer-contracts';
  readonly handles: readonly string[] = CONTRACT_EVENT_TYPES;
  readonly tables = ['customer_contracts'];

  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    await this.applyBatch([event], manager);
  }

  // Idempotent: a revision already applied (a replayed batch, a duplicate delivery) is skipped.
  async applyBatch(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    await applyToKeyedRows(customerContracts, events, manager);
  }
}

const customerContracts: KeyedRowsSpec<CustomerContractRow> = {
  entity: CustomerContractRow,
  key: 'id',
  keyOf: (event) => (isRecordedContractEvent(event) ? event.data.contractId : null),
  evolve: (row, event) =>
    isRecordedContractEvent(event) ? evolveCustomerContract(row, event) : row,
  lastRevisionOf: (row) => row.lastRevision,
};
