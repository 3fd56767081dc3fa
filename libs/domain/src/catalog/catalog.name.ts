import { RefusalReason } from '../shared/domain-error';
import { foldText } from '../shared/fold-text';
import { inputChecks } from '../shared/input-checks';
import { CatalogRefusal } from './catalog.errors';
import { CatalogKind } from './catalog.events';

export const MAX_CATALOG_NAME_LENGTH = 100;

const { invalid } = inputChecks(CatalogRefusal.invalidInput);

/** A name as it is kept: trimmed, runs of white space made one space. */
export const tidyCatalogName = (name: string): string => name.trim().replace(/\s+/gu, ' ');

/**
 * What two names of one catalog are compared by (rule 28): tidied, without case or accents,
 * so "Zona Norte", "zona norte " and "ZONA  nórte" are one entry.
 */
export const catalogNameKey = (name: string): string => foldText(tidyCatalogName(name));

/** A name of 1–100 characters once tidied, or a problem naming `field`. */
export function checkCatalogName(raw: unknown, problems: RefusalReason[], field = 'name'): string {
  const name = typeof raw === 'string' ? tidyCatalogName(raw) : '';
  if (name.length === 0) problems.push(invalid(field, 'Name the entry (1–100 characters).'));
  else if (name.length > MAX_CATALOG_NAME_LENGTH)
    problems.push(invalid(field, `A name has at most ${MAX_CATALOG_NAME_LENGTH} characters.`));
  return name;
}

/** A name as only one entry of its catalog may hold it (its reservation). */
export interface CatalogName {
  kind: CatalogKind;
  /** The folded name (`catalogNameKey`). */
  value: string;
}

export const catalogNameOf = (kind: CatalogKind, name: string): CatalogName => ({
  kind,
  value: catalogNameKey(name),
});
