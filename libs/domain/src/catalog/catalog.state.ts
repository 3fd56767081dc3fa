import { CatalogKind, TariffTerms } from './catalog.events';

export interface CatalogEntry {
  entryId: string;
  kind: CatalogKind;
  name: string;
  /** A tariff's terms; `null` for a zone, seller or collector. */
  terms: TariffTerms | null;
  createdAt: string;
  retiredAt: string | null;
}

export type CatalogState = { status: 'none' } | ({ status: 'active' | 'retired' } & CatalogEntry);

export const INITIAL_CATALOG_STATE: CatalogState = { status: 'none' };
