import { managerOf, ReadModelSource } from './read-model-source';
import { CustomerFilters, selectCustomers } from './customer-search';

/**
 * The ids of every customer the list's filters match, in the list's order: the targets of a
 * bulk operation over a search (rule 14), resolved once when it starts.
 */
export async function customerIdsMatching(
  source: ReadModelSource,
  filters: CustomerFilters,
): Promise<string[]> {
  const rows = await selectCustomers(managerOf(source), filters)
    .select('c.id', 'id')
    .getRawMany<{ id: string }>();
  return rows.map((row) => row.id);
}
