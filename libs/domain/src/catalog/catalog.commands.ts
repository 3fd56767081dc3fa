import { DomainCommand } from '../shared/decider';
import { CatalogKind, TariffTerms } from './catalog.events';

interface ForEntry {
  entryId: string;
  kind: CatalogKind;
}

/** A tariff needs its terms (price, VAT rate, billing mode); other kinds take none. */
export type CreateCatalogEntry = DomainCommand<
  'CreateCatalogEntry',
  ForEntry & { name: string } & Partial<TariffTerms>
>;

export type RenameCatalogEntry = DomainCommand<'RenameCatalogEntry', ForEntry & { name: string }>;

/** The tariff terms given; the others stay. */
export type ChangeTariffTerms = DomainCommand<'ChangeTariffTerms', ForEntry & Partial<TariffTerms>>;

export type RetireCatalogEntry = DomainCommand<'RetireCatalogEntry', ForEntry>;

export type CatalogCommand =
  CreateCatalogEntry | RenameCatalogEntry | ChangeTariffTerms | RetireCatalogEntry;
