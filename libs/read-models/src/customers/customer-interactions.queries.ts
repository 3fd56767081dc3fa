import { ERASED, InteractionDirection, InteractionKind } from '@app/domain';
import { CustomerHistoryRow } from './customer-history.entity';
import { normalizePaging, Page, Paging } from './paging';
import { isUuid, managerOf, ReadModelSource } from './read-model-source';

/** One interaction on the customer file ("Interacciones"), as recorded. */
export interface CustomerInteractionItem {
  interactionId: string;
  kind: InteractionKind;
  direction: InteractionDirection;
  text: string;
  recordedAt: string;
  /** Log position, a number like every position the API answers: the list's order. */
  position: number;
  actor: string;
}

export interface InteractionFilters extends Paging {
  kind?: InteractionKind;
}

/**
 * What the history tab keeps of an `InteractionRecorded` (its one change's `after`); once the
 * customer is erased the line keeps no text, and the list says it was erased.
 */
interface RecordedInteraction {
  interactionId: string;
  kind: InteractionKind;
  direction: InteractionDirection;
  text?: string;
}

/**
 * `GET /customers/:id/interactions`: newest first. The history tab already holds every
 * interaction (upcast to the current schema, erased text read as erased), so this reads its
 * lines rather than keeping a second copy of the same events.
 */
export async function customerInteractions(
  source: ReadModelSource,
  customerId: string,
  filters: InteractionFilters = {},
): Promise<Page<CustomerInteractionItem>> {
  const { page, pageSize, offset } = normalizePaging(filters);
  if (!isUuid(customerId)) return { items: [], total: 0, page, pageSize };
  const query = managerOf(source)
    .getRepository(CustomerHistoryRow)
    .createQueryBuilder('line')
    .where('line.customer_id = :customerId', { customerId })
    .andWhere("line.event_type = 'InteractionRecorded'");
  if (filters.kind !== undefined)
    query.andWhere("line.changes -> 0 -> 'after' ->> 'kind' = :kind", { kind: filters.kind });
  // One after the other: inside a caller's transaction they share one connection.
  const total = await query.getCount();
  const rows = await query
    .orderBy('line.position', 'DESC')
    .offset(offset)
    .limit(pageSize)
    .getMany();
  return { items: rows.map(toInteraction), total, page, pageSize };
}

function toInteraction(row: CustomerHistoryRow): CustomerInteractionItem {
  const recorded = row.changes[0].after as RecordedInteraction;
  return {
    interactionId: recorded.interactionId,
    kind: recorded.kind,
    direction: recorded.direction,
    text: recorded.text ?? ERASED,
    recordedAt: row.occurredAt.toISOString(),
    position: Number(row.position),
    actor: row.actor,
  };
}
