import { customerDeleted, customerNotFound } from '../customer.errors';
import { CustomerState, RegisteredCustomer } from '../customer.state';

/** Every command but registration needs a customer that exists and was not deleted. */
export function requireRegistered(state: CustomerState, customerId: string): RegisteredCustomer {
  switch (state.status) {
    case 'unregistered':
      throw customerNotFound(customerId);
    case 'deleted':
      throw customerDeleted(state.customerId, state.deletedAt);
    default:
      return state;
  }
}
