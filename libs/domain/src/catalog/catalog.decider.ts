import { assertNever, Decider } from '../shared/decider';
import { DomainError, RefusalReason, refuseIfAny } from '../shared/domain-error';
import { inputChecks } from '../shared/input-checks';
import { BILLING_MODES, BillingMode } from '../subscription/subscription.terms';
import { isCents, isWithinMaximum } from '../values/money';
import {
  ChangeTariffTerms,
  CatalogCommand,
  CreateCatalogEntry,
  RenameCatalogEntry,
  RetireCatalogEntry,
} from './catalog.commands';
import { catalogEntryNotFound, catalogEntryRetired, CatalogRefusal } from './catalog.errors';
import {
  CATALOG_KINDS,
  CatalogEntryCreated,
  CatalogEntryRenamed,
  CatalogEntryRetired,
  CatalogEvent,
  CatalogKind,
  CatalogTariffTermsChanged,
  TariffTerms,
} from './catalog.events';
import { catalogNameKey, checkCatalogName } from './catalog.name';
import { CatalogEntry, CatalogState, INITIAL_CATALOG_STATE } from './catalog.state';

const { invalid } = inputChecks(CatalogRefusal.invalidInput);

function evolve(state: CatalogState, event: CatalogEvent): CatalogState {
  switch (event.type) {
    case 'CatalogEntryCreated': {
      const { entryId, kind, name, createdAt, monthlyPriceCents, vatRatePercent, billingMode } =
        event.data;
      const terms =
        kind === 'tariff'
          ? {
              monthlyPriceCents: monthlyPriceCents ?? 0,
              vatRatePercent: vatRatePercent ?? 0,
              billingMode: billingMode ?? 'advance',
            }
          : null;
      return { status: 'active', entryId, kind, name, terms, createdAt, retiredAt: null };
    }
    case 'CatalogEntryRenamed':
      return state.status === 'none' ? state : { ...state, name: event.data.after };
    case 'CatalogTariffTermsChanged':
      return state.status === 'none' ? state : { ...state, terms: { ...event.data.after } };
    case 'CatalogEntryRetired':
      return state.status === 'none'
        ? state
        : { ...state, status: 'retired', retiredAt: event.data.retiredAt };
    default:
      return assertNever(event, 'catalog event');
  }
}

const isKind = (kind: unknown): kind is CatalogKind =>
  (CATALOG_KINDS as readonly unknown[]).includes(kind);

/** A tariff's terms: the price in whole cents (0 allowed), VAT 0–100 %, a billing mode. */
function checkTerms(
  given: Partial<TariffTerms>,
  current: TariffTerms | null,
  problems: RefusalReason[],
): TariffTerms {
  const monthlyPriceCents = given.monthlyPriceCents ?? current?.monthlyPriceCents;
  const vatRatePercent = given.vatRatePercent ?? current?.vatRatePercent;
  const billingMode = given.billingMode ?? current?.billingMode;
  if (!isCents(monthlyPriceCents) || monthlyPriceCents < 0 || !isWithinMaximum(monthlyPriceCents))
    problems.push(
      invalid('monthlyPriceCents', 'A tariff has a monthly price in whole cents, zero or more.'),
    );
  if (
    typeof vatRatePercent !== 'number' ||
    !Number.isInteger(vatRatePercent) ||
    vatRatePercent < 0 ||
    vatRatePercent > 100
  )
    problems.push(invalid('vatRatePercent', 'A tariff has a VAT rate, a whole percent 0–100.'));
  if (!(BILLING_MODES as readonly unknown[]).includes(billingMode))
    problems.push(
      invalid('billingMode', `A tariff bills in ${BILLING_MODES.join(' or ')} (billingMode).`),
    );
  return {
    monthlyPriceCents: monthlyPriceCents as number,
    vatRatePercent: vatRatePercent as number,
    billingMode: billingMode as BillingMode,
  };
}

/** Terms given to an entry that is not a tariff. */
function termsNotTaken(kind: CatalogKind, given: Partial<TariffTerms>, problems: RefusalReason[]) {
  for (const field of ['monthlyPriceCents', 'vatRatePercent', 'billingMode'] as const)
    if (given[field] !== undefined)
      problems.push(invalid(field, `A ${kind} has no ${field}: only tariffs do.`));
}

/** Rule 28: an entry of one catalog, named 1–100 characters; a tariff with its terms. */
function create(command: CreateCatalogEntry, state: CatalogState): CatalogEntryCreated[] {
  const { entryId, kind, name: rawName, ...given } = command.data;
  if (state.status !== 'none')
    throw new DomainError(
      CatalogRefusal.idTaken,
      `Catalog entry ${entryId} exists already; rename it (PATCH) instead.`,
    );
  const problems: RefusalReason[] = [];
  if (!isKind(kind))
    problems.push(invalid('kind', `A catalog is one of ${CATALOG_KINDS.join(', ')}.`));
  const name = checkCatalogName(rawName, problems);
  const terms = kind === 'tariff' ? checkTerms(given, null, problems) : null;
  if (kind !== 'tariff') termsNotTaken(kind, given, problems);
  refuseIfAny(problems);
  return [
    {
      type: 'CatalogEntryCreated',
      data: { entryId, kind, name, ...(terms ?? {}), createdAt: command.metadata.at },
    },
  ];
}

/** The entry of `kind` the command names, or 404 (another kind's entry is not found either). */
function entryOf(
  state: CatalogState,
  kind: CatalogKind,
  entryId: string,
): CatalogEntry & {
  status: 'active' | 'retired';
} {
  if (state.status === 'none' || state.kind !== kind) throw catalogEntryNotFound(kind, entryId);
  return state;
}

/** A new name; the same name (as written) decides nothing. Records that chose it keep theirs. */
function rename(command: RenameCatalogEntry, state: CatalogState): CatalogEntryRenamed[] {
  const { entryId, kind } = command.data;
  const entry = entryOf(state, kind, entryId);
  if (entry.status === 'retired') throw catalogEntryRetired(kind, entry.name, 'name');
  const problems: RefusalReason[] = [];
  const name = checkCatalogName(command.data.name, problems);
  refuseIfAny(problems);
  if (name === entry.name) return [];
  return [
    {
      type: 'CatalogEntryRenamed',
      data: { entryId, kind, before: entry.name, after: name, renamedAt: command.metadata.at },
    },
  ];
}

/** A tariff's terms from now on; subscriptions keep the price they were given. */
function changeTerms(command: ChangeTariffTerms, state: CatalogState): CatalogTariffTermsChanged[] {
  const { entryId, kind, ...given } = command.data;
  const entry = entryOf(state, kind, entryId);
  const problems: RefusalReason[] = [];
  if (kind !== 'tariff' || entry.terms === null) {
    termsNotTaken(kind, given, problems);
    refuseIfAny(problems);
    return [];
  }
  if (entry.status === 'retired') throw catalogEntryRetired(kind, entry.name, 'monthlyPriceCents');
  const after = checkTerms(given, entry.terms, problems);
  refuseIfAny(problems);
  const before = entry.terms;
  if (
    before.monthlyPriceCents === after.monthlyPriceCents &&
    before.vatRatePercent === after.vatRatePercent &&
    before.billingMode === after.billingMode
  )
    return [];
  return [
    {
      type: 'CatalogTariffTermsChanged',
      data: { entryId, kind, before, after, changedAt: command.metadata.at },
    },
  ];
}

/** Retired once: no new record may choose it; retiring it again decides nothing. */
function retire(command: RetireCatalogEntry, state: CatalogState): CatalogEntryRetired[] {
  const { entryId, kind } = command.data;
  const entry = entryOf(state, kind, entryId);
  if (entry.status === 'retired') return [];
  return [{ type: 'CatalogEntryRetired', data: { entryId, kind, retiredAt: command.metadata.at } }];
}

function decide(command: CatalogCommand, state: CatalogState): CatalogEvent[] {
  switch (command.type) {
    case 'CreateCatalogEntry':
      return create(command, state);
    case 'RenameCatalogEntry':
      return rename(command, state);
    case 'ChangeTariffTerms':
      return changeTerms(command, state);
    case 'RetireCatalogEntry':
      return retire(command, state);
    default:
      return assertNever(command, 'catalog command');
  }
}

export const catalogDecider: Decider<CatalogCommand, CatalogEvent, CatalogState> = {
  initialState: INITIAL_CATALOG_STATE,
  evolve,
  decide,
};

/** Whether `name` is the entry's own name, compared as the catalog compares names. */
export const isNameOf = (entry: { name: string }, name: string): boolean =>
  catalogNameKey(entry.name) === catalogNameKey(name);
