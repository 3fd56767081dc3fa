import {
  contractDecider,
  ContractEvent,
  ContractState,
  customerDecider,
  CustomerEvent,
  CustomerState,
  isContractEvent,
  isCustomerEvent,
  isSubscriptionEvent,
  subscriptionDecider,
  SubscriptionEvent,
  SubscriptionState,
} from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { BillingAggregateKind, BillingAggregateStateRow } from './billing-aggregate-state.entity';

interface Folded {
  kind: BillingAggregateKind;
  state: CustomerState | ContractState | SubscriptionState;
  customerId: string | null;
  contractId: string | null;
}

/** A customer, contract or subscription event: what the cycle simulation view folds. */
export const isBillingAggregateEvent = (event: RecordedEvent): event is RecordedEvent =>
  isCustomerEvent(event) || isContractEvent(event) || isSubscriptionEvent(event);

/**
 * The stream's row after one more event: its aggregate's state folded by the aggregate's own
 * decider (`evolve`), with the customer and contract it belongs to. Pure. `null`: nothing to
 * keep (not such an event, or no customer yet).
 */
export function evolveBillingAggregateState(
  row: BillingAggregateStateRow | null,
  event: RecordedEvent,
): BillingAggregateStateRow | null {
  const next = fold(row?.state, event);
  if (next === null || next.customerId === null) return null;
  return {
    stream: event.stream,
    kind: next.kind,
    customerId: next.customerId,
    contractId: next.contractId,
    state: next.state,
    lastRevision: Number(event.revision),
  };
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
