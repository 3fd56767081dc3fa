import {
  customerDecider,
  customerStream,
  displayName,
  isRegistered,
  TaskCustomerFact,
} from '@app/domain';
import { EventStore } from '@app/event-store';
import { loadState } from '../commands/load-state';

/**
 * The customer a task names, read from its own stream (no read-model lag): its status, its
 * name and its main (billing) address as the profile holds them now.
 */
export async function taskCustomerFact(
  store: EventStore,
  customerId: string,
): Promise<TaskCustomerFact> {
  const customer = await loadState(store, customerStream(customerId), customerDecider);
  if (!isRegistered(customer)) return { status: customer.status, name: null, address: null };
  return {
    status: customer.status,
    name: displayName(customer.profile),
    address: customer.profile.address,
  };
}
