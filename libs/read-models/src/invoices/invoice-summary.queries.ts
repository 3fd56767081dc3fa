import { DEFAULT_TIME_ZONE, InvoiceStatus, PlainDate } from '@app/domain';
import { managerOf, ReadModelSource } from '../customers/read-model-source';
import { InvoiceRow } from './invoice.entity';
import { invoiceToday } from './invoice.queries';
import { INVOICE_STATUS_SQL } from './invoice.view';

/** One block of the invoices tab (seed 004): how many invoices and what amount. */
export interface InvoiceSummaryBlock {
  count: number;
  amountCents: number;
}

/**
 * The invoices tab's blocks. Each count is what `GET /customers/:id/invoices?status=` lists on
 * the same day, except `pending`, which (as the seed's "Pendiente") counts every invoice still
 * owed: statuses pending, partial and overdue.
 * - `pending`, `overdue`: what is still owed on them (outstanding);
 * - `partial`: only the part paid ("muestra solo el importe de la parte pagada");
 * - `paid`: what was paid on them (payments and collected effects not returned);
 * - `total`: every issued invoice, annulled ones included, at its invoiced total.
 * Drafts are not issued invoices and have no block here.
 */
export interface InvoiceSummaryBlocks {
  pending: InvoiceSummaryBlock;
  overdue: InvoiceSummaryBlock;
  paid: InvoiceSummaryBlock;
  partial: InvoiceSummaryBlock;
  total: InvoiceSummaryBlock;
}

/** `GET /customers/:id/invoices/summary`. */
export interface CustomerInvoiceSummary {
  customerId: string;
  /** The day statuses were judged on, in `timeZone`. */
  today: PlainDate;
  timeZone: string;
  /** Invoices issued in `today`'s calendar year. */
  thisYear: InvoiceSummaryBlocks & { year: number };
  allTime: InvoiceSummaryBlocks;
}

const UNPAID: readonly InvoiceStatus[] = ['pending', 'partial', 'overdue'];

interface StatusFigures {
  status: InvoiceStatus;
  thisYear: boolean;
  count: number;
  outstandingCents: number;
  paidCents: number;
  totalCents: number;
}

/** The blocks of invoices grouped by status: pure. */
export function invoiceSummaryBlocks(groups: readonly StatusFigures[]): InvoiceSummaryBlocks {
  const block = (
    statuses: readonly InvoiceStatus[] | 'all',
    amount: (group: StatusFigures) => number,
  ): InvoiceSummaryBlock =>
    groups
      .filter((group) => statuses === 'all' || statuses.includes(group.status))
      .reduce(
        (sum, group) => ({
          count: sum.count + group.count,
          amountCents: sum.amountCents + amount(group),
        }),
        { count: 0, amountCents: 0 },
      );
  return {
    pending: block(UNPAID, (group) => group.outstandingCents),
    overdue: block(['overdue'], (group) => group.outstandingCents),
    paid: block(['paid'], (group) => group.paidCents),
    partial: block(['partial'], (group) => group.paidCents),
    total: block('all', (group) => group.totalCents),
  };
}

/**
 * `GET /customers/:id/invoices/summary`: the blocks for this year and for all time, statuses
 * judged on `today` (in the tenant's zone, Europe/Madrid, by default) as the invoices tab does.
 */
export async function customerInvoiceSummary(
  source: ReadModelSource,
  customerId: string,
  today: PlainDate = invoiceToday(),
): Promise<CustomerInvoiceSummary> {
  const year = Number(today.slice(0, 4));
  const rows: {
    status: InvoiceStatus;
    this_year: boolean;
    count: string;
    outstanding: string;
    paid: string;
    total: string;
  }[] = await managerOf(source)
    .getRepository(InvoiceRow)
    .createQueryBuilder('i')
    .select(INVOICE_STATUS_SQL, 'status')
    .addSelect('(i.issue_date >= :yearStart AND i.issue_date < :nextYearStart)', 'this_year')
    .addSelect('count(*)', 'count')
    .addSelect('coalesce(sum(i.outstanding_cents), 0)', 'outstanding')
    .addSelect('coalesce(sum(i.paid_cents), 0)', 'paid')
    .addSelect('coalesce(sum(i.total_cents), 0)', 'total')
    .where('i.customer_id = :customerId', { customerId })
    .setParameters({ today, yearStart: `${year}-01-01`, nextYearStart: `${year + 1}-01-01` })
    .groupBy('1')
    .addGroupBy('2')
    .getRawMany();
  const groups: StatusFigures[] = rows.map((row) => ({
    status: row.status,
    thisYear: row.this_year,
    count: Number(row.count),
    outstandingCents: Number(row.outstanding),
    paidCents: Number(row.paid),
    totalCents: Number(row.total),
  }));
  return {
    customerId,
    today,
    timeZone: DEFAULT_TIME_ZONE,
    thisYear: { year, ...invoiceSummaryBlocks(groups.filter((group) => group.thisYear)) },
    allTime: invoiceSummaryBlocks(groups),
  };
}
