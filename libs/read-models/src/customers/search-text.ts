import type { CustomerFileRow, DerivedSearchColumns } from './customer-file.entity';

/**
 * Text as a Spanish operator types it when searching: lower case, accents and other diacritics
 * dropped (`Pérez` → `perez`, `Ávila` → `avila`, `Güell` → `guell`). `ñ` folds to `n` as well:
 * `pena` finds `Peña` (and `Pena`), as most operators expect from a search box that ignores
 * accents; a search for `peña` folds the same way, so it finds both too.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Between the parts of the search text: no folded query can match across two parts. */
const PART_SEPARATOR = '\n';

/**
 * What `GET /customers?q=` searches accent-insensitively, kept in `customer_file.search_text`:
 * the display name and the street and city of the main and of every other address, folded.
 */
export function customerSearchText(
  row: Pick<CustomerFileRow, 'displayName' | 'street' | 'city' | 'addresses'>,
): string {
  const parts = [
    row.displayName,
    row.street,
    row.city,
    ...row.addresses.flatMap(({ address }) => [address.street, address.city]),
  ];
  return [...new Set(parts.filter((part): part is string => !!part).map(foldForSearch))].join(
    PART_SEPARATOR,
  );
}

/** `foldForSearch` of a trimmed value; null for none or blank. */
export const foldedOrNull = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : foldForSearch(trimmed);
};

/**
 * What the customer file keeps for searching, derived from what it holds: the `q` text and the
 * folded zone, seller, collector, city and neighbourhood the advanced search compares with.
 */
export function searchableColumns(
  row: Pick<
    CustomerFileRow,
    | 'displayName'
    | 'street'
    | 'city'
    | 'addresses'
    | 'zone'
    | 'seller'
    | 'collector'
    | 'neighbourhood'
  >,
): Pick<CustomerFileRow, DerivedSearchColumns> {
  return {
    searchText: customerSearchText(row),
    zoneFolded: foldedOrNull(row.zone),
    sellerFolded: foldedOrNull(row.seller),
    collectorFolded: foldedOrNull(row.collector),
    cityFolded: foldedOrNull(row.city),
    neighbourhoodFolded: foldedOrNull(row.neighbourhood),
  };
}
