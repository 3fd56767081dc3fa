import { DomainError } from '../shared/domain-error';
import { CatalogKind } from './catalog.events';

/** Refusals of rule 28 (catalogs). A code ending in TAKEN answers 409, NOT_FOUND 404. */
export const CatalogRefusal = {
  invalidInput: 'R28.INVALID_INPUT',
  notFound: 'R28.ENTRY_NOT_FOUND',
  /** An entry with this id exists already. */
  idTaken: 'R28.ENTRY_ID_TAKEN',
  /** Another entry of the catalog has this name (compared case- and accent-insensitively). */
  nameTaken: 'R28.NAME_TAKEN',
  /** The entry is retired: it cannot be chosen for a new record, nor renamed or repriced. */
  retired: 'R28.RETIRED',
  /** A record names an entry id no catalog of that kind holds. */
  unknown: 'R28.UNKNOWN',
} as const;

export type CatalogRefusal = (typeof CatalogRefusal)[keyof typeof CatalogRefusal];

export const catalogEntryNotFound = (kind: CatalogKind, entryId: string) =>
  new DomainError(
    CatalogRefusal.notFound,
    `There is no ${kind} ${entryId} in the catalogs; create it (POST /catalogs/${kind}s) first.`,
  );

export const catalogEntryRetired = (kind: CatalogKind, name: string, field: string = kind) =>
  new DomainError(
    CatalogRefusal.retired,
    `The ${kind} "${name}" is retired and cannot be chosen for new records; choose an active one.`,
    [{ code: CatalogRefusal.retired, field, message: `${kind} "${name}" is retired` }],
  );

export const unknownCatalogEntry = (kind: CatalogKind, entryId: string, field: string) =>
  new DomainError(
    CatalogRefusal.unknown,
    `No ${kind} has id ${entryId}; list them with GET /catalogs/${kind}s.`,
    [{ code: CatalogRefusal.unknown, field, message: `Unknown ${kind} ${entryId}` }],
  );

export const catalogNameTaken = (kind: CatalogKind, name: string, holder: string) =>
  new DomainError(
    CatalogRefusal.nameTaken,
    `The ${kind} catalog already has "${name}" (entry ${holder}), compared without case or accents.`,
    [{ code: CatalogRefusal.nameTaken, field: 'name', message: `"${name}" is taken by ${holder}` }],
  );
