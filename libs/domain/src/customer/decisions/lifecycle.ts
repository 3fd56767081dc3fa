import { DomainError } from '../../shared/domain-error';
import { RuleCode } from '../../shared/rule-codes';
import { DeactivateCustomer, DeleteCustomer, ReactivateCustomer } from '../customer.commands';
import { CustomerRefusal } from '../customer.errors';
import { CustomerDeactivated, CustomerDeleted, CustomerReactivated } from '../customer.events';
import { optionalText } from '../customer.profile-patch';
import { RegisteredCustomer } from '../customer.state';

export function deactivateCustomer(
  command: DeactivateCustomer,
  customer: RegisteredCustomer,
): CustomerDeactivated[] {
  if (customer.status === 'inactive')
    throw new DomainError(
      CustomerRefusal.alreadyInactive,
      `Customer ${customer.customerId} is already inactive (since ${customer.deactivatedAt}).`,
    );
  const data = {
    customerId: customer.customerId,
    reason: optionalText(command.data.reason),
    deactivatedAt: command.metadata.at,
  };
  return [{ type: 'CustomerDeactivated', data }];
}

export function reactivateCustomer(
  command: ReactivateCustomer,
  customer: RegisteredCustomer,
): CustomerReactivated[] {
  if (customer.status === 'active')
    throw new DomainError(
      CustomerRefusal.alreadyActive,
      `Customer ${customer.customerId} is already active; only an inactive customer can be reactivated.`,
    );
  const data = { customerId: customer.customerId, reactivatedAt: command.metadata.at };
  return [{ type: 'CustomerReactivated', data }];
}

/** Rule R6: refused with every blocking reason at once, so the operator can clear them all. */
export function deleteCustomer(
  command: DeleteCustomer,
  customer: RegisteredCustomer,
): CustomerDeleted[] {
  const { blockers } = command.data;
  if (blockers.length > 0)
    throw new DomainError(
      RuleCode.customerDeletion,
      `Customer ${customer.customerId} cannot be deleted (${blockers.length} reason(s)): ${blockers
        .map((blocker) => blocker.message)
        .join(' ')} A customer that cannot be deleted can be deactivated.`,
      blockers.map(({ code, message }) => ({ code, message })),
    );
  return [
    {
      type: 'CustomerDeleted',
      data: { customerId: customer.customerId, deletedAt: command.metadata.at },
    },
  ];
}
