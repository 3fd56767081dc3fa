import { contractTabCounts } from '../contracts/contract.queries';
import { ibanWarningsOf } from '../contracts/customer-iban-warnings';
import {
  collectionsSummaryOf,
  CollectionsSummary,
  contactWarningsOf,
} from '../collections/collections.queries';
import { withInvoiceFigures } from '../invoices/customer-invoice-figures';
import { CustomerFileFiles, customerFilesSummaryOf } from '../attachments/customer-files.queries';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { CustomerFileRow } from './customer-file.entity';
import {
  CustomerFile,
  CustomerListItem,
  toCustomerFile,
  toCustomerListItem,
} from './customer-file.view';
import { CustomerFilters, selectCustomers } from './customer-search';
import { normalizePaging, Page, Paging } from './paging';
import { isUuid, managerOf, ReadModelSource } from './read-model-source';

/**
 * `GET /customers/:id`: the file, or `null` for an id never registered (deleted ones stay).
 * The contracts tab's counters and rule R4's IBAN warnings come from the contracts' views,
 * read here rather than copied into the file, so they cannot drift from them; so do the
 * invoices' and effects' counters and the account summary (`withInvoiceFigures`).
 */
export async function findCustomerFile(
  source: ReadModelSource,
  id: string,
): Promise<(CustomerFile & { collections: CollectionsSummary } & CustomerFileFiles) | null> {
  if (!isUuid(id)) return null;
  const manager = managerOf(source);
  const row = await manager.getRepository(CustomerFileRow).findOneBy({ id });
  if (row === null) return null;
  // One after the other: inside a caller's transaction they share one connection.
  const [withFigures] = await withInvoiceFigures(manager, [row]);
  const file = toCustomerFile(withFigures);
  const counts = await contractTabCounts(manager, id);
  const ibanWarnings = await ibanWarningsOf(manager, row);
  const collections = await collectionsSummaryOf(manager, id);
  const contactWarnings = await contactWarningsOf(manager, id, collections.lastReturn);
  const files = await customerFilesSummaryOf(manager, id);
  return {
    ...file,
    image: files.image,
    attachmentCount: files.attachments,
    counts: { ...file.counts, ...counts },
    warnings: [...file.warnings, ...ibanWarnings, ...contactWarnings],
    collections,
  };
}

export type CustomerSearch = CustomerFilters & Paging;

/**
 * How many index entries a page may walk in the list's order before it sorts its matches
 * instead. PostgreSQL cannot know how few customers several `EXISTS` filters leave: walking the
 * order index until 20 matched read 40,000 rows for 55 matches at 100,000 customers (85 ms),
 * while sorting 433 matches cost more than walking to them (30 ms against 6).
 */
const WALK_AT_MOST = 20_000;

/**
 * The page's query: the same matches in the same order, reached the cheaper way. Walking finds
 * a page after about (offset + page size) × customers ÷ matches rows; the customers are the
 * planner's own estimate (`reltuples`, none before the table was first analyzed: then it walks).
 */
export async function listPageQuery(
  manager: EntityManager,
  query: SelectQueryBuilder<CustomerFileRow>,
  total: number,
  end: number,
  walkAtMost = WALK_AT_MOST,
): Promise<SelectQueryBuilder<CustomerFileRow>> {
  const [estimate]: { rows: number | string }[] = await manager.query(
    "SELECT reltuples AS rows FROM pg_class WHERE oid = 'customer_file'::regclass",
  );
  const customers = Number(estimate?.rows ?? -1);
  if (customers <= 0 || (end * customers) / Math.max(total, 1) <= walkAtMost) return query.clone();
  // `|| ''` leaves the value (and so the order) as it is but is not the index's expression.
  return query.clone().orderBy("lower(c.display_name) || ''", 'ASC').addOrderBy('c.id', 'ASC');
}

/** `GET /customers`: one page of the list, with the total matching the filters. */
export async function searchCustomers(
  source: ReadModelSource,
  search: CustomerSearch = {},
): Promise<Page<CustomerListItem>> {
  const { page, pageSize, offset } = normalizePaging(search);
  const manager = managerOf(source);
  const query = selectCustomers(manager, search);
  // One after the other: inside a caller's transaction they share one connection. The total
  // is a plain count(*): no join can repeat a customer (other views are EXISTS probes), and
  // TypeORM's getCount (COUNT(DISTINCT id)) took five times as long at 100,000 customers.
  const counted = await query
    .clone()
    .orderBy()
    .select('count(*)', 'total')
    .getRawOne<{ total: string | number }>();
  const total = Number(counted?.total ?? 0);
  const rows =
    total === 0
      ? []
      : await (
          await listPageQuery(manager, query, total, offset + pageSize)
        )
          .offset(offset)
          .limit(pageSize)
          .getMany();
  const items = (await withInvoiceFigures(manager, rows)).map(toCustomerListItem);
  return { items, total, page, pageSize };
}
