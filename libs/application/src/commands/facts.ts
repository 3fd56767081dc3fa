import {
  contractDecider,
  ContractState,
  contractStream,
  customerDecider,
  CustomerFact,
  customerStream,
} from '@app/domain';
import { EventStore } from '@app/event-store';
import { loadState } from './load-state';

/*
 * Facts from other aggregates, read from their own streams (never a read model: no lag) and
 * passed into a command, so the domain decides and names the rule. Reading them is all a
 * handler does with them.
 */

/** The customer's status as its stream says: `unregistered` for an id never registered. */
export async function customerFact(store: EventStore, customerId: string): Promise<CustomerFact> {
  const customer = await loadState(store, customerStream(customerId), customerDecider);
  return { status: customer.status };
}

/** The contract as its stream says (its status, and its customer's id once drafted). */
export function contractState(store: EventStore, contractId: string): Promise<ContractState> {
  return loadState(store, contractStream(contractId), contractDecider);
}
