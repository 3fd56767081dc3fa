import { CustomerHistoryRow, HistoryChange } from './customer-history.entity';
import { normalizePaging, Page, Paging } from './paging';
import { isUuid, managerOf, ReadModelSource } from './read-model-source';

/** One line of the history tab: when, who, what, and field-level before/after. */
export interface CustomerHistoryItem {
  eventId: string;
  /** Log position, a number like every position the API answers: the tab's order. */
  position: number;
  occurredAt: string;
  actor: string;
  /** The API key the change came through (its fingerprint), which vouches for `actor`. */
  via: string | null;
  correlationId: string;
  causationId: string | null;
  stream: string;
  eventType: string;
  summary: string;
  changes: HistoryChange[];
  bulkOperationId: string | null;
}

/** `GET /customers/:id/history`: newest first; an unknown customer has an empty history. */
export async function customerHistory(
  source: ReadModelSource,
  customerId: string,
  paging: Paging = {},
): Promise<Page<CustomerHistoryItem>> {
  const { page, pageSize, offset } = normalizePaging(paging);
  if (!isUuid(customerId)) return { items: [], total: 0, page, pageSize };
  const repository = managerOf(source).getRepository(CustomerHistoryRow);
  const where = { customerId };
  // One after the other: inside a caller's transaction they share one connection.
  const [rows, total] = [
    await repository.find({ where, order: { position: 'DESC' }, skip: offset, take: pageSize }),
    await repository.countBy(where),
  ];
  return { items: rows.map(toHistoryItem), total, page, pageSize };
}

function toHistoryItem(row: CustomerHistoryRow): CustomerHistoryItem {
  const { customerId: _customerId, occurredAt, position, ...line } = row;
  // Stored exact (bigint); positions stay far below 2^53, as the commands' answers assume.
  return { ...line, position: Number(position), occurredAt: occurredAt.toISOString() };
}
