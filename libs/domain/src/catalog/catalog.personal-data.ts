import { NO_PERSONAL_DATA, PersonalDataMap } from '../shared/personal-data';
import { CatalogEvent, CatalogNameEvent } from './catalog.events';

/** Catalog entries are the operator's own lists (zones, sellers, collectors, tariffs): no customer is their subject. */
export const CATALOG_PERSONAL_FIELDS = {
  CatalogEntryCreated: NO_PERSONAL_DATA,
  CatalogEntryRenamed: NO_PERSONAL_DATA,
  CatalogTariffTermsChanged: NO_PERSONAL_DATA,
  CatalogEntryRetired: NO_PERSONAL_DATA,
} satisfies PersonalDataMap<CatalogEvent>;

/** The reservation streams name a hash of the folded name, and their events only the entry id. */
export const CATALOG_NAME_PERSONAL_FIELDS = {
  CatalogNameClaimed: NO_PERSONAL_DATA,
  CatalogNameReleased: NO_PERSONAL_DATA,
} satisfies PersonalDataMap<CatalogNameEvent>;
