import { ibanWarningsFrom } from '../contracts/customer-iban-warnings';
import {
  CollectionsSummary,
  contactWarningsFrom,
  dunningStageOf,
  mandatesOf,
} from '../collections/collections.queries';
import { CustomerFileFiles, imageBlockOf } from '../attachments/customer-files.queries';
import { readCustomerFileRow } from './customer-file.statement';
import { withInvoiceFigures } from '../invoices/customer-invoice-figures';
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
 * invoices' and effects' counters and the account summary (`withInvoiceFigures`). All of it
 * comes from one statement (`readCustomerFileRow`): a round trip, not one per view.
 */
export async function findCustomerFile(
  source: ReadModelSource,
  id: string,
): Promise<(CustomerFile & { collections: CollectionsSummary } & CustomerFileFiles) | null> {
  if (!isUuid(id)) return null;
  const found = await readCustomerFileRow(managerOf(source), id);
  if (found === null) return null;
  const { row, parts } = found;
  const file = toCustomerFile({
    ...row,
    invoiceCount: parts.invoices.invoices,
    pendingEffectCount: parts.pendingEffects,
    unpaidInvoiceCount: parts.invoices.unpaid,
    unpaidBalanceCents: parts.invoices.unpaidCents,
    availableCreditCents: parts.invoices.creditCents,
  });
  const deleted = new Set(parts.contracts.filter((c) => c.status === 'deleted').map((c) => c.id));
  const signed = parts.contracts.filter((contract) => contract.status === 'signed');
  return {
    ...file,
    image: imageBlockOf(id, parts.image),
    attachmentCount: parts.attachments,
    counts: {
      ...file.counts,
      contracts: parts.contracts.length - deleted.size,
      subscriptions: parts.subscriptions,
    },
    warnings: [
      ...file.warnings,
      ...ibanWarningsFrom(row, signed),
      ...contactWarningsFrom(parts.lastReturn, parts.interactionSinceLastReturn),
    ],
    collections: {
      mandates: mandatesOf(parts.contracts),
      lastReturn: parts.lastReturn,
      dunningStage: dunningStageOf(parts.lastDunning),
    },
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
