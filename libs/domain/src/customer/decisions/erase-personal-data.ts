import { DomainError } from '../../shared/domain-error';
import { EraseCustomerPersonalData } from '../customer.commands';
import { customerNotFound } from '../customer.errors';
import { ErasureRefusal } from '../customer.erasure';
import { CustomerPersonalDataErased } from '../customer.events';
import { CustomerState } from '../customer.state';

/**
 * Refused with every reason the law still requires keeping the data; otherwise the event,
 * which carries no personal data, and on which the store destroys the customer's key.
 */
export function erasePersonalData(
  command: EraseCustomerPersonalData,
  state: CustomerState,
): CustomerPersonalDataErased[] {
  const { customerId, blockers } = command.data;
  if (state.status === 'unregistered') throw customerNotFound(customerId);
  if (state.status === 'erased')
    throw new DomainError(
      ErasureRefusal.alreadyErased,
      `The personal data of customer ${customerId} was already erased on ${state.erasedAt}.`,
    );
  if (blockers.length > 0)
    throw new DomainError(
      ErasureRefusal.retentionRequired,
      `The personal data of customer ${customerId} must still be kept (${blockers.length} reason(s)): ${blockers
        .map((blocker) => blocker.message)
        .join(' ')}`,
      blockers.map(({ code, message }) => ({ code, message })),
    );
  return [
    { type: 'CustomerPersonalDataErased', data: { customerId, erasedAt: command.metadata.at } },
  ];
}
