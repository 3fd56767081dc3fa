import { ErasureFacts } from '@app/domain';
import { isUuid, managerOf, ReadModelSource } from '../customers/read-model-source';
import { InvoiceRow } from '../invoices/invoice.entity';
import { contractsTabOf } from './contract.queries';

/** Subscriptions in these states serve and bill no more. */
const ENDED_SUBSCRIPTION_STATUSES: readonly string[] = ['cancelled', 'rejected'];

/**
 * What keeps a customer's personal data from being erased, from the read models (the caller
 * makes sure they have caught up with the log): invoices still owed, subscriptions still live.
 */
export async function customerErasureFactsFromReadModels(
  source: ReadModelSource,
  customerId: string,
): Promise<ErasureFacts> {
  if (!isUuid(customerId)) return { unpaidInvoices: 0, outstandingCents: 0, liveSubscriptions: 0 };
  const manager = managerOf(source);
  const unpaid = await manager
    .getRepository(InvoiceRow)
    .createQueryBuilder('i')
    .select('count(*)', 'count')
    .addSelect('coalesce(sum(i.outstanding_cents), 0)', 'cents')
    .where('i.customer_id = :customerId AND i.outstanding_cents > 0', { customerId })
    .getRawOne<{ count: string; cents: string }>();
  const { subscriptions } = await contractsTabOf(manager, customerId);
  return {
    unpaidInvoices: Number(unpaid?.count ?? 0),
    outstandingCents: Number(unpaid?.cents ?? 0),
    liveSubscriptions: subscriptions.filter((s) => !ENDED_SUBSCRIPTION_STATUSES.includes(s.status))
      .length,
  };
}
