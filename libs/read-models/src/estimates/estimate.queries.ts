import { DEFAULT_TIME_ZONE, EstimateStatus, PlainDate } from '@app/domain';
import { normalizePaging, Page, Paging } from '../customers/paging';
import { managerOf, ReadModelSource } from '../customers/read-model-source';
import { invoiceToday } from '../invoices/invoice.queries';
import { EstimateRow } from './estimate.entity';

/**
 * An estimate as the tab shows it, with `status` as of `today`: an outstanding estimate past
 * its `validUntil` is `expired` (rule 29), read off the calendar, never recorded.
 */
export type EstimateListItem = Omit<EstimateRow, 'lines' | 'notes' | 'rejectionReason'> & {
  status: EstimateStatus;
};

/** One estimate with its lines, notes and rejection reason, as `GET /estimates/:id` shows it. */
export type EstimateView = EstimateRow & { status: EstimateStatus };

export interface CustomerEstimateFilters extends Paging {
  status?: EstimateStatus;
  /** The day `expired` is judged on; today in the tenant's zone by default. */
  today?: PlainDate;
}

/** The status as of `today`, in SQL: what the list filters and the blocks group by. */
const STATUS_SQL =
  "CASE WHEN e.state = 'outstanding' AND e.valid_until < :today THEN 'expired' ELSE e.state END";

export const estimateStatusOn = (
  row: Pick<EstimateRow, 'state' | 'validUntil'>,
  today: PlainDate,
): EstimateStatus =>
  row.state === 'outstanding' && row.validUntil < today ? 'expired' : row.state;

const LIST_COLUMNS: (keyof EstimateRow)[] = [
  'id',
  'customerId',
  'state',
  'lineCount',
  'netCents',
  'vatCents',
  'totalCents',
  'validUntil',
  'contractId',
  'subscriptionIds',
  'fulfilled',
  'version',
  'createdAt',
  'answeredAt',
  'updatedAt',
];

const listItem = (row: EstimateRow, today: PlainDate): EstimateListItem =>
  ({
    ...Object.fromEntries(LIST_COLUMNS.map((column) => [column, row[column]])),
    status: estimateStatusOn(row, today),
  }) as EstimateListItem;

/** `GET /customers/:id/estimates`: the customer's estimates, newest first, paged (20 a page). */
export async function customerEstimates(
  source: ReadModelSource,
  customerId: string,
  filters: CustomerEstimateFilters = {},
): Promise<Page<EstimateListItem>> {
  const { page, pageSize, offset } = normalizePaging(filters);
  const today = filters.today ?? invoiceToday();
  const query = managerOf(source)
    .getRepository(EstimateRow)
    .createQueryBuilder('e')
    .select(LIST_COLUMNS.map((column) => `e.${column}`))
    .where('e.customer_id = :customerId', { customerId, today });
  if (filters.status !== undefined)
    query.andWhere(`${STATUS_SQL} = :status`, { status: filters.status });
  const total = await query.getCount();
  const rows = await query
    .orderBy('e.created_at', 'DESC')
    .addOrderBy('e.id', 'DESC')
    .offset(offset)
    .limit(pageSize)
    .getMany();
  return { items: rows.map((row) => listItem(row, today)), total, page, pageSize };
}

/** `GET /estimates/:id`, or `null` when none has that id. */
export async function estimateById(
  source: ReadModelSource,
  estimateId: string,
  today: PlainDate = invoiceToday(),
): Promise<EstimateView | null> {
  const row = await managerOf(source).getRepository(EstimateRow).findOneBy({ id: estimateId });
  return row === null ? null : { ...row, status: estimateStatusOn(row, today) };
}

/** One block of the estimates tab (seed 004): how many estimates and their amount with VAT. */
export interface EstimateSummaryBlock {
  count: number;
  amountCents: number;
}

/** `GET /customers/:id/estimates/summary`: the tab's blocks, one per status, as of `today`. */
export interface CustomerEstimateSummary {
  customerId: string;
  today: PlainDate;
  timeZone: string;
  outstanding: EstimateSummaryBlock;
  accepted: EstimateSummaryBlock;
  rejected: EstimateSummaryBlock;
  expired: EstimateSummaryBlock;
  total: EstimateSummaryBlock;
}

/**
 * The blocks of seed 004 ("Excepcional", "Aceptado", "Rechazado") and the expired ones, each
 * the count and the sum of the estimates' totals with VAT; `total` all of them. Each count is
 * what `GET /customers/:id/estimates?status=` lists on the same day.
 */
export async function customerEstimateSummary(
  source: ReadModelSource,
  customerId: string,
  today: PlainDate = invoiceToday(),
): Promise<CustomerEstimateSummary> {
  const rows: { status: EstimateStatus; count: string; amount: string }[] = await managerOf(source)
    .getRepository(EstimateRow)
    .createQueryBuilder('e')
    .select(STATUS_SQL, 'status')
    .addSelect('count(*)', 'count')
    .addSelect('coalesce(sum(e.total_cents), 0)', 'amount')
    .where('e.customer_id = :customerId', { customerId, today })
    .groupBy('1')
    .getRawMany();
  const block = (statuses: readonly EstimateStatus[]): EstimateSummaryBlock =>
    rows
      .filter((row) => statuses.includes(row.status))
      .reduce(
        (sum, row) => ({
          count: sum.count + Number(row.count),
          amountCents: sum.amountCents + Number(row.amount),
        }),
        { count: 0, amountCents: 0 },
      );
  return {
    customerId,
    today,
    timeZone: DEFAULT_TIME_ZONE,
    outstanding: block(['outstanding']),
    accepted: block(['accepted']),
    rejected: block(['rejected']),
    expired: block(['expired']),
    total: block(['outstanding', 'accepted', 'rejected', 'expired']),
  };
}
