import type { RenewableStatus } from '@app/domain';
import { CustomerFileRow } from '../customers/customer-file.entity';
import { normalizePaging, Page, Paging } from '../customers/paging';
import { managerOf, ReadModelSource } from '../customers/read-model-source';
import { RenewableRow } from './renewable.entity';

/** A renewable as the tab and the to-do list show it. */
export interface RenewableView {
  id: string;
  customerId: string;
  productCode: string;
  description: string | null;
  purchasedOn: string;
  period: { every: number; unit: RenewableRow['periodUnit'] };
  nextRenewalOn: string;
  periodsRenewed: number;
  lastRenewedOn: string | null;
  status: RenewableStatus;
  lapsedOn: string | null;
  version: number;
  registeredAt: string;
  updatedAt: string;
}

/** A line of the operator's to-do list: the renewable and whose it is. */
export interface RenewalDue extends RenewableView {
  customerName: string;
}

export const renewableView = ({
  periodEvery,
  periodUnit,
  ...row
}: RenewableRow): RenewableView => ({
  ...row,
  period: { every: periodEvery, unit: periodUnit },
});

export interface CustomerRenewableFilters extends Paging {
  status?: RenewableStatus;
}

/** `GET /customers/:id/renewables`: the customer's renewables, next renewal first, paged. */
export async function customerRenewables(
  source: ReadModelSource,
  customerId: string,
  filters: CustomerRenewableFilters = {},
): Promise<Page<RenewableView>> {
  const { page, pageSize, offset } = normalizePaging(filters);
  const query = managerOf(source)
    .getRepository(RenewableRow)
    .createQueryBuilder('r')
    .where('r.customer_id = :customerId', { customerId });
  if (filters.status) query.andWhere('r.status = :status', { status: filters.status });
  const total = await query.getCount();
  const rows = await query
    .orderBy('r.next_renewal_on', 'ASC')
    .addOrderBy('r.id', 'ASC')
    .offset(offset)
    .limit(pageSize)
    .getMany();
  return { items: rows.map(renewableView), total, page, pageSize };
}

/**
 * `GET /renewals?due-before=`: the operator's to-do list, every renewable still running (not
 * lapsed) of a customer not deleted whose next renewal is on or before `dueBefore`, oldest
 * first, with the customer's name as the customer file shows it now (erased with the customer).
 */
export async function renewalsDue(
  source: ReadModelSource,
  dueBefore: string,
  paging: Paging = {},
): Promise<Page<RenewalDue>> {
  const { page, pageSize, offset } = normalizePaging(paging);
  const query = managerOf(source)
    .getRepository(RenewableRow)
    .createQueryBuilder('r')
    .leftJoin(CustomerFileRow, 'c', 'c.id::text = r.customer_id')
    .where("r.status <> 'lapsed'")
    .andWhere('r.next_renewal_on <= :dueBefore', { dueBefore })
    // A deleted customer's products are no one's to renew (rule 6 took its file away).
    .andWhere("(c.status IS NULL OR c.status <> 'deleted')");
  const total = await query.getCount();
  const rows = await query
    .addSelect('c.display_name', 'customer_name')
    .orderBy('r.next_renewal_on', 'ASC')
    .addOrderBy('r.id', 'ASC')
    .offset(offset)
    .limit(pageSize)
    .getRawAndEntities();
  const items = rows.entities.map((row, index) => ({
    ...renewableView(row),
    customerName: (rows.raw[index] as { customer_name: string | null }).customer_name ?? '',
  }));
  return { items, total, page, pageSize };
}
