import { catalogEntryRetired, unknownCatalogEntry } from './catalog.errors';
import { CatalogKind, TariffTerms } from './catalog.events';
import { CatalogState } from './catalog.state';

/** An entry a new record chooses: its id, its name now and (a tariff's) terms. */
export interface ChosenCatalogEntry {
  entryId: string;
  name: string;
  terms: TariffTerms | null;
}

/**
 * Rule 28: whether a record (a customer's zone, a subscription's tariff) may choose the entry,
 * given its state read from its stream: an entry of another kind, or none, is unknown
 * (R28.UNKNOWN); a retired one cannot be chosen anew (R28.RETIRED), though a record that holds
 * it already (`heldId`: a customer edited with the form as it was) keeps it. `field` names the input.
 */
export function chooseCatalogEntry(
  state: CatalogState,
  kind: CatalogKind,
  entryId: string,
  field: string,
  heldId?: string | null,
): ChosenCatalogEntry {
  if (state.status === 'none' || state.kind !== kind)
    throw unknownCatalogEntry(kind, entryId, field);
  if (state.status === 'retired' && state.entryId !== heldId)
    throw catalogEntryRetired(kind, state.name, field);
  return { entryId: state.entryId, name: state.name, terms: state.terms };
}
