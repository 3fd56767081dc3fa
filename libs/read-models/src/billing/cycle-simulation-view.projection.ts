import {
  CONTRACT_EVENT_TYPES,
  contractDecider,
  ContractEvent,
  ContractState,
  CUSTOMER_EVENT_TYPES,
  customerDecider,
  CustomerEvent,
  CustomerState,
  isContractEvent,
  isCustomerEvent,
  isSubscriptionEvent,
  SUBSCRIPTION_EVENT_TYPES,
  subscriptionDecider,
  SubscriptionEvent,
  SubscriptionState,
} from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { applyToKeyedRows, KeyedRowsSpec } from '../runner/keyed-rows';
import { BillingAggregateKind, BillingAggregateStateRow } from './billing-aggregate-state.entity';

interface Folded {
  kind: BillingAggregateKind;
  state: CustomerState | ContractState | SubscriptionState;
  customerId: string | null;
  contractId: string | null;
}

/** Folds one event into its aggregate's state with the aggregate's own decider. */
function fold(previous: unknown, event: RecordedEvent): Folded | null {
  if (isCustomerEvent(event)) {
    const state = customerDecider.evolve(
      (previous as CustomerState | undefined) ?? customerDecider.initialState,
      event as CustomerEvent,
    );
    const customerId =
      'customerId' in state ? state.customerId : (event.data as { customerId: string }).customerId;
    return { kind: 'customer', state, customerId, contractId: null };
  }
  if (isContractEvent(event)) {
    const state = contractDecider.evolve(
      (previous as ContractState | undefined) ?? contractDecider.initialState,
      event as ContractEvent,
    );
    if (state.status === 'none') return null;
    return { kind: 'contract', state, customerId: state.customerId, contractId: state.contractId };
  }
  if (isSubscriptionEvent(event)) {
    const state = subscriptionDecider.evolve(
      (previous as SubscriptionState | undefined) ?? subscriptionDecider.initialState,
      event as SubscriptionEvent,
    );
    if (state.status === 'none') return null;
    return {
      kind: 'subscription',
      state,
      customerId: state.customerId,
      contractId: state.contractId,
    };
  }
  return null;
}

/**
 * Rule R12's view: every customer, contract and subscription stream folded by its decider's
 * `evolve` into `billing_aggregate_states`, so a simulation over all customers is one SELECT.
 * The states (full IBANs included) stay internal to billing: see `BillingAggregateStateRow`.
 */
export class CycleSimulationViewProjection implements Projection {
  readonly name = 'cycle-simulation-view';
  readonly handles: readonly string[] = [
    ...CUSTOMER_EVENT_TYPES,
    ...CONTRACT_EVENT_TYPES,
    ...SUBSCRIPTION_EVENT_TYPES,
  ];
  readonly tables = ['billing_aggregate_states'];

  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    await this.applyBatch([event], manager);
  }

  // Idempotent: a revision already applied (a replayed batch, a duplicate delivery) is skipped.
  async applyBatch(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    await applyToKeyedRows(aggregateStates, events, manager);
  }
}

const aggregateStates: KeyedRowsSpec<BillingAggregateStateRow> = {
  entity: BillingAggregateStateRow,
  key: 'stream',
  keyOf: (event) => event.stream,
  evolve(current, event) {
    const next = fold(current?.state, event);
    if (next === null || next.customerId === null) return null;
    return {
      stream: event.stream,
      kind: next.kind,
      customerId: next.customerId,
      contractId: next.contractId,
      state: next.state,
      lastRevision: Number(event.revision),
    };
  },
  lastRevisionOf: (row) => row.lastRevision,
};
