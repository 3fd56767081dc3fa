import type { TicketCategory, TicketPriority, TicketStatus } from '@app/domain';
import { normalizePaging, Page, Paging } from '../customers/paging';
import { managerOf, ReadModelSource } from '../customers/read-model-source';
import { TicketRow } from './ticket.entity';

/** A ticket as the lists show it: everything but its description and comments. */
export type TicketListItem = Omit<TicketRow, 'description' | 'comments'>;

/** A ticket as `GET /tickets/:id` shows it, with its description and comments. */
export type TicketView = TicketRow;

/**
 * The customer's tab ("histórico de tickets abiertos o cerrados") splits tickets in two:
 * `open` is every ticket not closed yet (open, in progress, resolved — a resolved ticket still
 * waits for the customer's confirmation), `closed` the closed ones.
 */
export type TicketTabFilter = 'open' | 'closed';
export const TICKET_TAB_FILTERS: readonly TicketTabFilter[] = ['open', 'closed'];

export interface CustomerTicketFilters extends Paging {
  state?: TicketTabFilter;
}

export interface TicketQueueFilters extends Paging {
  state?: TicketStatus;
  assignee?: string;
  category?: TicketCategory;
  priority?: TicketPriority;
}

const LIST_COLUMNS: (keyof TicketListItem)[] = [
  'id',
  'customerId',
  'contractId',
  'state',
  'subject',
  'category',
  'priority',
  'assignee',
  'commentCount',
  'version',
  'openedAt',
  'updatedAt',
];

const tickets = (source: ReadModelSource) =>
  managerOf(source)
    .getRepository(TicketRow)
    .createQueryBuilder('t')
    .select(LIST_COLUMNS.map((column) => `t.${column}`));

/** The list's columns only, as a plain object (an entity instance declares them all). */
const listItem = (row: TicketRow): TicketListItem =>
  Object.fromEntries(LIST_COLUMNS.map((column) => [column, row[column]])) as TicketListItem;

/** `GET /customers/:id/tickets`: the customer's tickets, newest first, paged. */
export async function customerTickets(
  source: ReadModelSource,
  customerId: string,
  filters: CustomerTicketFilters = {},
): Promise<Page<TicketListItem>> {
  const { page, pageSize, offset } = normalizePaging(filters);
  const query = tickets(source).where('t.customer_id = :customerId', { customerId });
  if (filters.state === 'closed') query.andWhere("t.state = 'closed'");
  if (filters.state === 'open') query.andWhere("t.state <> 'closed'");
  // One after the other: inside a caller's transaction they share one connection.
  const total = await query.getCount();
  const items = await query
    .orderBy('t.opened_at', 'DESC')
    .addOrderBy('t.id', 'DESC')
    .offset(offset)
    .limit(pageSize)
    .getMany();
  return { items: items.map(listItem), total, page, pageSize };
}

/** `GET /tickets`: the work queue, oldest first (the longest waiting on top), paged. */
export async function ticketQueue(
  source: ReadModelSource,
  filters: TicketQueueFilters = {},
): Promise<Page<TicketListItem>> {
  const { page, pageSize, offset } = normalizePaging(filters);
  const query = tickets(source);
  for (const column of ['state', 'assignee', 'category', 'priority'] as const)
    if (filters[column] !== undefined)
      query.andWhere(`t.${column} = :${column}`, { [column]: filters[column] });
  const total = await query.getCount();
  const items = await query
    .orderBy('t.opened_at', 'ASC')
    .addOrderBy('t.id', 'ASC')
    .offset(offset)
    .limit(pageSize)
    .getMany();
  return { items: items.map(listItem), total, page, pageSize };
}

/** `GET /tickets/:id`, or `null` when none has that id. */
export const ticketById = (source: ReadModelSource, ticketId: string): Promise<TicketView | null> =>
  managerOf(source).getRepository(TicketRow).findOneBy({ id: ticketId });
