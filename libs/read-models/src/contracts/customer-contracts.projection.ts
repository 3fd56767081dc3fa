import { CONTRACT_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { CustomerContractRow } from './customer-contract.entity';
import { evolveCustomerContract } from './customer-contract.evolve';
import { isRecordedContractEvent } from './recorded-contract-events';

/** The customers' contracts: `evolveCustomerContract` over each contract's stream, one upsert. */
export class CustomerContractsProjection implements Projection {
  readonly name = 'customer-contracts';
  readonly handles: readonly string[] = CONTRACT_EVENT_TYPES;
  readonly tables = ['customer_contracts'];

  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    if (!isRecordedContractEvent(event)) return;
    const contracts = manager.getRepository(CustomerContractRow);
    const current = await contracts.findOneBy({ id: event.data.contractId });
    // Idempotent: a revision already applied (a replayed batch, a duplicate delivery) is skipped.
    if (current !== null && BigInt(current.lastRevision) >= event.revision) return;
    const next = evolveCustomerContract(current, event);
    if (next !== null) await contracts.upsert(next, ['id']);
  }
}
