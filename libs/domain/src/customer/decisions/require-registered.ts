import { customerDeleted, customerErased, customerNotFound } from '../customer.errors';
import { CustomerState, RegisteredCustomer } from '../customer.state';

/** Every command but registration needs a customer that exists, not deleted nor erased. */
export function requireRegistered(state: CustomerState, customerId: string): RegisteredCustomer {
  switch (state.status) {
    case 'unregistered':
      throw customerNotFound(customerId);
    case 'deleted':
      throw customerDeleted(state.customerId, state.deletedAt);
    case 'erased':
      throw customerErased(state.customerId, state.erasedAt);
    default:
      return state;
  }
}
