import type { CustomerDebt, PlainDate, SubscriptionStatus, SuspendedBy } from '@app/domain';
import { In } from 'typeorm';
import { CustomerSubscriptionRow } from '../contracts/customer-subscription.entity';
import { managerOf, ReadModelSource } from '../customers/read-model-source';
import { InvoiceRow } from '../invoices/invoice.entity';

/** Who the dunning run of `asOf` looks at (rule R20), each customer once, in id order. */
export interface DunningCandidates {
  /** Customers with something overdue on `asOf`, with every invoice they still owe on. */
  inDebt: CustomerDebt[];
  /**
   * Customers with nothing overdue whose last dunning event opened or continued an episode, or
   * with a subscription the system suspended: the run clears them and resumes those.
   */
  toClear: string[];
}

/**
 * The invoices' read model gives what is owed (outstanding > 0) and overdue (due before
 * `asOf`, as `INVOICE_STATUS_SQL` says); the history tab's dunning lines give the episodes left
 * open; the subscriptions' read model the system's suspensions.
 */
export async function dunningCandidates(
  source: ReadModelSource,
  asOf: PlainDate,
): Promise<DunningCandidates> {
  const manager = managerOf(source);
  const owing: { customerId: string; id: string; dueDate: string; outstandingCents: string }[] =
    await manager
      .getRepository(InvoiceRow)
      .createQueryBuilder('i')
      .select(['i.customer_id AS "customerId"', 'i.id AS id', 'i.due_date AS "dueDate"'])
      .addSelect('i.outstanding_cents', 'outstandingCents')
      .where('i.outstanding_cents > 0')
      .andWhere(
        'i.customer_id IN (SELECT o.customer_id FROM invoices o WHERE o.outstanding_cents > 0 AND o.due_date < :asOf)',
        { asOf },
      )
      .orderBy('i.customer_id', 'ASC')
      .addOrderBy('i.due_date', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .getRawMany();
  const debts = new Map<string, CustomerDebt>();
  for (const row of owing) {
    const debt = debts.get(row.customerId) ?? { customerId: row.customerId, invoices: [] };
    debts.set(row.customerId, {
      ...debt,
      invoices: [
        ...debt.invoices,
        { invoiceId: row.id, dueDate: row.dueDate, outstandingCents: Number(row.outstandingCents) },
      ],
    });
  }
  const openEpisodes: { customerId: string }[] = await manager.query(
    `SELECT customer_id AS "customerId" FROM (
       SELECT DISTINCT ON (customer_id) customer_id, event_type FROM customer_history
        WHERE event_type IN ('DunningStepApplied', 'DunningCleared')
        ORDER BY customer_id, position DESC) last
      WHERE event_type = 'DunningStepApplied'`,
  );
  const suspendedBySystem: { customerId: string }[] = await manager
    .getRepository(CustomerSubscriptionRow)
    .createQueryBuilder('s')
    .select('DISTINCT s.customer_id', 'customerId')
    .where("s.status = 'suspended' AND s.suspended_by = 'system'")
    .getRawMany();
  const toClear = new Set(
    [...openEpisodes, ...suspendedBySystem]
      .map(({ customerId }) => String(customerId))
      .filter((customerId) => !debts.has(customerId)),
  );
  return { inDebt: [...debts.values()], toClear: [...toClear].sort() };
}

/** Every invoice the customer still owes on (overdue or not), oldest due first. */
export async function customerDebt(
  source: ReadModelSource,
  customerId: string,
): Promise<CustomerDebt> {
  const rows = await managerOf(source)
    .getRepository(InvoiceRow)
    .createQueryBuilder('i')
    .where('i.customer_id = :customerId', { customerId })
    .andWhere('i.outstanding_cents > 0')
    .orderBy('i.due_date', 'ASC')
    .addOrderBy('i.id', 'ASC')
    .getMany();
  return {
    customerId,
    invoices: rows.map(({ id, dueDate, outstandingCents }) => ({
      invoiceId: id,
      dueDate,
      outstandingCents,
    })),
  };
}

/** A customer's subscription as the dunning run acts on it. */
export interface DunningSubscription {
  subscriptionId: string;
  status: SubscriptionStatus;
  suspendedBy: SuspendedBy | null;
}

const NOT_FINAL: SubscriptionStatus[] = [
  'pending-activation',
  'active',
  'active-not-billable',
  'suspended',
];

/** The customer's subscriptions not rejected or cancelled, in id order. */
export async function dunningSubscriptionsOf(
  source: ReadModelSource,
  customerId: string,
): Promise<DunningSubscription[]> {
  const rows = await managerOf(source)
    .getRepository(CustomerSubscriptionRow)
    .find({ where: { customerId, status: In(NOT_FINAL) }, order: { id: 'ASC' } });
  return rows.map(({ id, status, suspendedBy }) => ({ subscriptionId: id, status, suspendedBy }));
}
