import { BillableSubscription, CustomerDeletionFacts } from '@app/domain';
import { isUuid, managerOf, ReadModelSource } from '../customers/read-model-source';
import { InvoiceRow } from '../invoices/invoice.entity';
import { contractsTabOf } from './contract.queries';

/** Rule R6: bare, a subscription in one of these states does not stop its customer's deletion. */
const DELETABLE_SUBSCRIPTION_STATUSES: readonly string[] = ['rejected', 'pending-activation'];

/**
 * What rule R6 counts in the customer's other streams, from the read models (the caller makes
 * sure they have caught up with the log). Subscriptions on a deleted draft went with it and
 * count no more. Invoices issued are counted in the invoices' view, which holds a row per
 * issued invoice (a draft never issued is no record to keep).
 */
export async function customerDeletionFactsFromReadModels(
  source: ReadModelSource,
  customerId: string,
): Promise<CustomerDeletionFacts> {
  const none = {
    invoicesIssued: 0,
    signedContracts: 0,
    liveSubscriptions: 0,
    subscriptionsWithDiscountsOrExtraCharges: 0,
  };
  if (!isUuid(customerId)) return none;
  const manager = managerOf(source);
  const { contracts, subscriptions } = await contractsTabOf(manager, customerId);
  return {
    invoicesIssued: await manager.getRepository(InvoiceRow).countBy({ customerId }),
    // A terminated contract was signed: a record to keep.
    signedContracts: contracts.filter((c) => c.status === 'signed' || c.status === 'terminated')
      .length,
    liveSubscriptions: subscriptions.filter(
      (s) => !DELETABLE_SUBSCRIPTION_STATUSES.includes(s.status),
    ).length,
    subscriptionsWithDiscountsOrExtraCharges: subscriptions.filter(
      (s) => s.discounts.length > 0 || s.extraCharges.length > 0,
    ).length,
  };
}

/** The unsigned drafts that go with the customer when it is deleted (rule R6), oldest first. */
export async function draftContractIds(
  source: ReadModelSource,
  customerId: string,
): Promise<string[]> {
  if (!isUuid(customerId)) return [];
  const { contracts } = await contractsTabOf(managerOf(source), customerId);
  return contracts.filter((contract) => contract.status === 'draft').map((contract) => contract.id);
}

/**
 * The customer's subscriptions still invoiced (`active`, rule R5), which keep it from being
 * deactivated, oldest first.
 */
export async function billableSubscriptionsOf(
  source: ReadModelSource,
  customerId: string,
): Promise<BillableSubscription[]> {
  if (!isUuid(customerId)) return [];
  const { subscriptions } = await contractsTabOf(managerOf(source), customerId);
  return subscriptions
    .filter((subscription) => subscription.billable)
    .map(({ id, contractId, tariff }) => ({ subscriptionId: id, contractId, tariff }));
}
