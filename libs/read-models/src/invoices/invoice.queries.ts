import { dateInZone, InvoiceStatus, PlainDate } from '@app/domain';
import { EntityManager } from 'typeorm';
import { managerOf, ReadModelSource } from '../customers/read-model-source';
import { normalizePaging, Page, Paging } from '../customers/paging';
import { InvoiceTransactionRow, PendingEffectRow } from './account-statement.entity';
import { InvoiceCreditNoteRow, InvoiceRow } from './invoice.entity';
import {
  CustomerAccountView,
  INVOICE_STATUS_SQL,
  InvoiceDetailView,
  InvoiceView,
  toAccountTransactionView,
  toCreditNoteView,
  toEffectView,
  toInvoiceView,
} from './invoice.view';

/** Today in the tenant's zone: the day statuses are computed for when none is given. */
export const invoiceToday = (): PlainDate => dateInZone(new Date().toISOString());

export interface InvoiceSearch extends Paging {
  status?: InvoiceStatus;
  /** The day `overdue` is judged on; today in the tenant's zone by default. */
  today?: PlainDate;
}

/** `GET /customers/:id/invoices`: newest first, with the status each has on `today`. */
export async function customerInvoices(
  source: ReadModelSource,
  customerId: string,
  search: InvoiceSearch = {},
): Promise<Page<InvoiceView>> {
  const { page, pageSize, offset } = normalizePaging(search);
  const today = search.today ?? invoiceToday();
  const query = managerOf(source)
    .getRepository(InvoiceRow)
    .createQueryBuilder('i')
    .where('i.customer_id = :customerId', { customerId });
  // Issued invoices are never drafts: `draft` matches nothing here.
  if (search.status !== undefined)
    query.andWhere(`${INVOICE_STATUS_SQL} = :status`, { today, status: search.status });
  query
    .orderBy('i.issue_date', 'DESC')
    .addOrderBy('i.series', 'ASC')
    .addOrderBy('i.number', 'DESC')
    .addOrderBy('i.id', 'ASC');
  // One after the other: inside a caller's transaction they share one connection.
  const [rows, total] = [
    await query.clone().offset(offset).limit(pageSize).getMany(),
    await query.getCount(),
  ];
  return { items: rows.map((row) => toInvoiceView(row, today)), total, page, pageSize };
}

/** `GET /invoices/:id`: with its lines, credit notes, payments and effects; `null` if unknown. */
export async function findInvoice(
  source: ReadModelSource,
  id: string,
  today: PlainDate = invoiceToday(),
): Promise<InvoiceDetailView | null> {
  const manager = managerOf(source);
  const row = await manager.getRepository(InvoiceRow).findOneBy({ id });
  if (row === null) return null;
  const creditNotes = await manager
    .getRepository(InvoiceCreditNoteRow)
    .find({ where: { invoiceId: id }, order: { position: 'ASC' } });
  const effects = await manager
    .getRepository(PendingEffectRow)
    .find({ where: { invoiceId: id }, order: { createdAt: 'ASC', id: 'ASC' } });
  return {
    ...toInvoiceView(row, today),
    lines: row.lines,
    creditNotes: creditNotes.map(toCreditNoteView),
    payments: row.payments,
    effects: effects.map(toEffectView),
  };
}

/** The invoice a credit note rectifies, or `null` for an unknown credit note. */
export async function invoiceIdOfCreditNote(
  source: ReadModelSource,
  creditNoteId: string,
): Promise<string | null> {
  const row = await managerOf(source)
    .getRepository(InvoiceCreditNoteRow)
    .findOne({ where: { id: creditNoteId }, select: { invoiceId: true } });
  return row?.invoiceId ?? null;
}

/** `GET /customers/:id/account`: balance, debt, credit, effects and the statement. */
export async function customerAccount(
  source: ReadModelSource,
  customerId: string,
  today: PlainDate = invoiceToday(),
): Promise<CustomerAccountView> {
  const manager = managerOf(source);
  const summary = (await accountSummaries(manager, [customerId])).get(customerId) ?? NO_DEBT;
  const overdueInvoices = await manager
    .getRepository(InvoiceRow)
    .createQueryBuilder('i')
    .where('i.customer_id = :customerId', { customerId })
    .andWhere(`${INVOICE_STATUS_SQL} = 'overdue'`, { today })
    .getCount();
  const pending = await manager
    .getRepository(PendingEffectRow)
    .find({ where: { customerId, status: 'pending' }, order: { dueDate: 'ASC', id: 'ASC' } });
  const rows = await manager
    .getRepository(InvoiceTransactionRow)
    .find({ where: { customerId }, order: { position: 'ASC' } });
  let balance = 0;
  const transactions = rows.map((row) =>
    toAccountTransactionView(row, (balance += row.amountCents)),
  );
  return {
    customerId,
    balanceCents: balance,
    unpaidInvoices: summary.unpaidInvoices,
    unpaidBalanceCents: summary.unpaidBalanceCents,
    overdueInvoices,
    availableCreditCents: summary.availableCreditCents,
    pendingEffectsCents: pending.reduce((sum, effect) => sum + effect.amountCents, 0),
    pendingEffects: pending.map(toEffectView),
    transactions: transactions.reverse(),
  };
}

/** What the customer file and list show of a customer's invoices. */
export interface InvoiceAccountSummary {
  invoices: number;
  pendingEffects: number;
  unpaidInvoices: number;
  unpaidBalanceCents: number;
  availableCreditCents: number;
}

export const NO_DEBT: InvoiceAccountSummary = {
  invoices: 0,
  pendingEffects: 0,
  unpaidInvoices: 0,
  unpaidBalanceCents: 0,
  availableCreditCents: 0,
};

/** The summaries of the given customers, read from the invoices and effects tables. */
export async function accountSummaries(
  manager: EntityManager,
  customerIds: readonly string[],
): Promise<Map<string, InvoiceAccountSummary>> {
  const summaries = new Map<string, InvoiceAccountSummary>();
  if (customerIds.length === 0) return summaries;
  const ids = [...new Set(customerIds)];
  const invoiceRows: {
    customer_id: string;
    invoices: string;
    unpaid: string;
    unpaid_cents: string;
    credit_cents: string;
  }[] = await manager
    .getRepository(InvoiceRow)
    .createQueryBuilder('i')
    .select('i.customer_id', 'customer_id')
    .addSelect('count(*)', 'invoices')
    .addSelect('count(*) FILTER (WHERE i.outstanding_cents > 0)', 'unpaid')
    .addSelect('coalesce(sum(i.outstanding_cents), 0)', 'unpaid_cents')
    .addSelect('coalesce(sum(i.available_credit_cents), 0)', 'credit_cents')
    .where('i.customer_id IN (:...ids)', { ids })
    .groupBy('i.customer_id')
    .getRawMany();
  const effectRows: { customer_id: string; effects: string }[] = await manager
    .getRepository(PendingEffectRow)
    .createQueryBuilder('e')
    .select('e.customer_id', 'customer_id')
    .addSelect('count(*)', 'effects')
    .where('e.customer_id IN (:...ids)', { ids })
    .andWhere("e.status = 'pending'")
    .groupBy('e.customer_id')
    .getRawMany();
  for (const row of invoiceRows)
    summaries.set(row.customer_id, {
      ...NO_DEBT,
      invoices: Number(row.invoices),
      unpaidInvoices: Number(row.unpaid),
      unpaidBalanceCents: Number(row.unpaid_cents),
      availableCreditCents: Number(row.credit_cents),
    });
  for (const row of effectRows)
    summaries.set(row.customer_id, {
      ...(summaries.get(row.customer_id) ?? NO_DEBT),
      pendingEffects: Number(row.effects),
    });
  return summaries;
}

/** SQL for "customer `c` owes something on an invoice", for the list's `hasDebt` filter. */
export const HAS_DEBT_SQL =
  'EXISTS (SELECT 1 FROM invoices d WHERE d.customer_id = c.id::text AND d.outstanding_cents > 0)';
