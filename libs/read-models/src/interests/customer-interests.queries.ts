import { normalizePaging, Page, Paging } from '../customers/paging';
import { managerOf, ReadModelSource } from '../customers/read-model-source';
import { CustomerInterestRow } from './customer-interest.entity';

/** An interest as the tab shows it. */
export type CustomerInterestView = Omit<CustomerInterestRow, 'removed' | 'lastRevision'>;

const view = ({ removed: _removed, lastRevision: _revision, ...rest }: CustomerInterestRow) => rest;

/** `GET /customers/:id/interests`: the interests not removed, latest shown first, paged. */
export async function customerInterests(
  source: ReadModelSource,
  customerId: string,
  paging: Paging = {},
): Promise<Page<CustomerInterestView>> {
  const { page, pageSize, offset } = normalizePaging(paging);
  const query = managerOf(source)
    .getRepository(CustomerInterestRow)
    .createQueryBuilder('i')
    .where('i.customer_id = :customerId', { customerId })
    .andWhere('i.removed = false');
  const total = await query.getCount();
  const rows = await query
    .orderBy('i.shown_on', 'DESC')
    .addOrderBy('i.recorded_at', 'DESC')
    .addOrderBy('i.id', 'ASC')
    .offset(offset)
    .limit(pageSize)
    .getMany();
  return { items: rows.map(view), total, page, pageSize };
}
