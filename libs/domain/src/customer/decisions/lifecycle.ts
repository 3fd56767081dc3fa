import { DomainError } from '../../shared/domain-error';
import { RuleCode } from '../../shared/rule-codes';
import {
  BillableSubscription,
  DeactivateCustomer,
  DeleteCustomer,
  ReactivateCustomer,
} from '../customer.commands';
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
  refuseWhileBillable(customer.customerId, command.data.billableSubscriptions ?? []);
  const data = {
    customerId: customer.customerId,
    reason: optionalText(command.data.reason),
    deactivatedAt: command.metadata.at,
  };
  return [{ type: 'CustomerDeactivated', data }];
}

/**
 * An inactive customer is not to be invoiced, but billing invoices every `active` subscription:
 * each one still billable is listed, to cancel, suspend or make not billable first.
 */
function refuseWhileBillable(customerId: string, billable: readonly BillableSubscription[]) {
  if (billable.length === 0) return;
  throw new DomainError(
    CustomerRefusal.billableSubscriptions,
    `Customer ${customerId} cannot be deactivated while ${billable.length} subscription(s) are still billable: cancel or suspend them, or move them to active-not-billable, first.`,
    billable.map((subscription) => ({
      code: CustomerRefusal.billableSubscriptions,
      message: `Subscription ${subscription.subscriptionId} (${subscription.tariff}, contract ${subscription.contractId}) is active and billed.`,
      target: subscription.subscriptionId,
    })),
  );
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
