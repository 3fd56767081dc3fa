import { CatalogKind } from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogEntryRow } from './catalog-entry.entity';

type Source = DataSource | EntityManager;
const managerOf = (source: Source): EntityManager =>
  source instanceof DataSource ? source.manager : source;
const repository = (source: Source) => managerOf(source).getRepository(CatalogEntryRow);

/** An entry as `GET /catalogs/:kind` shows it. */
export interface CatalogEntryView {
  id: string;
  kind: CatalogKind;
  name: string;
  /** A tariff's terms; `null` for the other kinds. */
  monthlyPriceCents: number | null;
  vatRatePercent: number | null;
  billingMode: string | null;
  active: boolean;
  retiredAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const viewOf = ({ nameKey: _key, ...row }: CatalogEntryRow): CatalogEntryView => ({
  ...row,
  kind: row.kind as CatalogKind,
});

/** `GET /catalogs/:kind`: the active entries by name (the retired ones too when asked). */
export async function listCatalogEntries(
  source: Source,
  kind: CatalogKind,
  options: { includeRetired?: boolean } = {},
): Promise<CatalogEntryView[]> {
  const rows = await repository(source).find({
    where: options.includeRetired ? { kind } : { kind, active: true },
    order: { nameKey: 'ASC', id: 'ASC' },
  });
  return rows.map(viewOf);
}

/** `GET /catalogs/:kind/:id`, or `null` when that catalog has no such entry. */
export async function catalogEntryById(
  source: Source,
  kind: CatalogKind,
  entryId: string,
): Promise<CatalogEntryView | null> {
  const row = await repository(source).findOneBy({ id: entryId, kind });
  return row ? viewOf(row) : null;
}
