import { DomainEvent } from '../shared/decider';
import { BillingMode } from '../subscription/subscription.terms';

/** The four catalogs of rule 28: what customers and subscriptions choose from by id. */
export const CATALOG_KINDS = ['zone', 'seller', 'collector', 'tariff'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

/** What a tariff entry holds besides its name: its price, VAT rate and billing mode. */
export interface TariffTerms {
  monthlyPriceCents: number;
  vatRatePercent: number;
  billingMode: BillingMode;
}

interface OfEntry {
  entryId: string;
  kind: CatalogKind;
}

/** Rule 28: an entry of a catalog; a tariff entry carries its terms, the others none. */
export type CatalogEntryCreated = DomainEvent<
  'CatalogEntryCreated',
  OfEntry & { name: string; createdAt: string } & Partial<TariffTerms>
>;

/** Renamed: records that chose it keep the name they chose (no history line, no invoice changes). */
export type CatalogEntryRenamed = DomainEvent<
  'CatalogEntryRenamed',
  OfEntry & { before: string; after: string; renamedAt: string }
>;

/** A tariff's price, VAT rate or billing mode from now on; subscriptions keep their own price. */
export type CatalogTariffTermsChanged = DomainEvent<
  'CatalogTariffTermsChanged',
  OfEntry & { before: TariffTerms; after: TariffTerms; changedAt: string }
>;

/** Retired: no new record may choose it; those that did keep it. */
export type CatalogEntryRetired = DomainEvent<
  'CatalogEntryRetired',
  OfEntry & { retiredAt: string }
>;

export type CatalogEvent =
  CatalogEntryCreated | CatalogEntryRenamed | CatalogTariffTermsChanged | CatalogEntryRetired;
export type CatalogEventType = CatalogEvent['type'];

export const CATALOG_EVENT_TYPE_SET: Record<CatalogEventType, true> = {
  CatalogEntryCreated: true,
  CatalogEntryRenamed: true,
  CatalogTariffTermsChanged: true,
  CatalogEntryRetired: true,
};
export const CATALOG_EVENT_TYPES = Object.keys(CATALOG_EVENT_TYPE_SET) as CatalogEventType[];

/**
 * `owner` (an entry id) now holds the name (folded) in its catalog. Appended to the name's
 * reservation stream (`unique-catalog-<kind>-<sha256 of the folded name>`) with the entry's events.
 */
export type CatalogNameClaimed = DomainEvent<
  'CatalogNameClaimed',
  { kind: CatalogKind; owner: string }
>;

/** `owner` no longer holds the name (renamed away, or its command failed). */
export type CatalogNameReleased = DomainEvent<
  'CatalogNameReleased',
  { kind: CatalogKind; owner: string }
>;

export type CatalogNameEvent = CatalogNameClaimed | CatalogNameReleased;

export const CATALOG_NAME_EVENT_TYPES: CatalogNameEvent['type'][] = [
  'CatalogNameClaimed',
  'CatalogNameReleased',
];
