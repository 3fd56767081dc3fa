import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { numberColumn } from '../customers/column-transformers';

export type BillingAggregateKind = 'customer' | 'contract' | 'subscription';

/**
 * The cycle simulation view (rule R12): one row per customer, contract and subscription stream,
 * holding the aggregate's state as its decider folds it, so the billing snapshots are built
 * without reading the log.
 *
 * INTERNAL TO BILLING: the states hold full IBANs, as the aggregates do. This table is read
 * only to build `ContractBillingSnapshot`s and is never returned by any query or endpoint.
 */
@Entity({ name: 'billing_aggregate_states' })
export class BillingAggregateStateRow {
  @PrimaryColumn({ type: 'text' }) stream!: string;
  @Column({ type: 'text' }) kind!: BillingAggregateKind;
  @Index('billing_aggregate_states_by_customer')
  @Column({ type: 'uuid', name: 'customer_id' })
  customerId!: string;
  @Index('billing_aggregate_states_by_contract')
  @Column({ type: 'uuid', name: 'contract_id', nullable: true })
  contractId!: string | null;
  /** The decider's state after the stream's last applied event (full IBANs: never exposed). */
  @Column({ type: 'jsonb' }) state!: unknown;
  /** Revision of the last event of the stream applied here. */
  @Column({ type: 'bigint', name: 'last_revision', transformer: numberColumn })
  lastRevision!: number;
}
