import { BillingProblem, BillingProblemCode } from './billing.problems';
import { ContractCyclePrice } from './billing.pricing';
import { ContractBillingSnapshot } from './billing.snapshot';

/**
 * An inactive customer with subscriptions still billed: deactivation is refused while any
 * remains (CUSTOMER.BILLABLE_SUBSCRIPTIONS), but a log written before that rule, or an
 * activation racing the deactivation, can leave one. A warning: the service is still on and
 * the invoice is issued, but the operator should cancel, suspend or reactivate.
 */
export function inactiveCustomerProblems(
  snapshot: ContractBillingSnapshot,
  price: ContractCyclePrice,
): BillingProblem[] {
  if (snapshot.customerStatus !== 'inactive') return [];
  const { period } = price.cycle;
  const billed = [...new Set(price.lines.map((line) => line.subscriptionId))];
  return billed.map((subscriptionId) => ({
    code: BillingProblemCode.inactiveCustomerBillable,
    customerId: snapshot.customerId,
    contractId: snapshot.contractId,
    subscriptionId,
    period,
    blocksIssuance: false,
    message: `Customer ${snapshot.customerId} is inactive, but subscription ${subscriptionId} of contract ${snapshot.contractId} is still billed for ${period}: cancel or suspend it, move it to active-not-billable, or reactivate the customer.`,
  }));
}
