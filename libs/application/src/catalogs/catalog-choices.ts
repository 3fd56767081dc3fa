import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  catalogDecider,
  CatalogKind,
  CatalogLinkIds,
  CatalogLinks,
  catalogNamesOf,
  CatalogRefusal,
  catalogStream,
  chooseCatalogEntry,
  ChosenCatalogEntry,
  CreateCatalogEntry,
  CUSTOMER_CATALOG_KINDS,
  CustomerCatalogKind,
  DomainError,
  isNameOf,
  TariffTerms,
  tidyCatalogName,
} from '@app/domain';
import { EventMetadata, EVENT_STORE, EventStore, StreamAppend } from '@app/event-store';
import { CommandContext } from '../commands/command-context';
import { loadState } from '../commands/load-state';
import { CatalogNames } from './catalog-names';

/** What a customer command may say of its zone, seller and collector: names, ids, or both. */
export type CustomerCatalogInput = Partial<
  Record<CustomerCatalogKind, string | null> & Record<`${CustomerCatalogKind}Id`, string | null>
>;

/**
 * The entries a record chooses, and those it names that no catalog has yet: created with the
 * record, in the same append (`appendsOf`), so a refused record leaves no entry behind.
 */
export interface CatalogChoice {
  chosen: ChosenCatalogEntry;
  /** Set when the entry is new: the command that creates it. */
  creation?: CreateCatalogEntry;
}

/** The names the profile records (the entries' names now) and the links to their ids. */
export interface ResolvedCustomerCatalogs {
  names: Partial<Record<CustomerCatalogKind, string | null>>;
  links: CatalogLinks;
  creations: CreateCatalogEntry[];
}

/** A refusal of the entry's input, naming the record's field instead of the entry's. */
function asField(error: unknown, field: string): unknown {
  if (!(error instanceof DomainError) || error.code !== CatalogRefusal.invalidInput) return error;
  return DomainError.fromReasons(
    (error.details ?? []).map((reason) => ({ ...reason, field })),
    error.message,
  );
}

/**
 * Rule 28 for the records that choose from catalogs: a name or an id becomes an active entry,
 * read from the log (its name's reservation, then its own stream), never from a lagging read
 * model. A name no entry holds plans the entry's creation, so clients that send free text keep
 * working; whether an entry may be chosen is the domain's decision (`chooseCatalogEntry`).
 */
@Injectable()
export class CatalogChoices {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly names: CatalogNames,
  ) {}

  /** The entry `entryId` of `kind`, if a new record may choose it. */
  async byId(
    kind: CatalogKind,
    entryId: string,
    field: string,
    heldId?: string | null,
  ): Promise<ChosenCatalogEntry> {
    const state = await loadState(this.store, catalogStream(entryId), catalogDecider);
    return chooseCatalogEntry(state, kind, entryId, field, heldId);
  }

  /**
   * The entry of `kind` named `name` (without case or accents), if a new record may choose it;
   * none: its creation (a tariff with `terms`), decided now so a bad name is refused now.
   */
  async byName(
    kind: CatalogKind,
    name: string,
    field: string,
    at: string,
    terms?: TariffTerms,
    heldId?: string | null,
  ): Promise<CatalogChoice> {
    const holder = await this.names.holderOf(kind, name);
    if (holder !== null) {
      const state = await loadState(this.store, catalogStream(holder), catalogDecider);
      if (state.status !== 'none')
        return { chosen: chooseCatalogEntry(state, kind, holder, field, heldId) };
    }
    const entryId = randomUUID();
    const creation: CreateCatalogEntry = {
      type: 'CreateCatalogEntry',
      data: { entryId, kind, name, ...(kind === 'tariff' ? terms : {}) },
      metadata: { at },
    };
    try {
      const [created] = catalogDecider.decide(creation, catalogDecider.initialState);
      const state = catalogDecider.evolve(catalogDecider.initialState, created);
      return { chosen: chooseCatalogEntry(state, kind, entryId, field), creation };
    } catch (error) {
      throw asField(error, field);
    }
  }

  /** A name, or an id (which wins: a name given too must be the entry's own). `null`: cleared. */
  async choose(
    kind: CatalogKind,
    input: { name?: string | null; id?: string | null },
    at: string,
    terms?: TariffTerms,
    heldId?: string | null,
  ): Promise<CatalogChoice | null | undefined> {
    if (input.id) {
      const chosen = await this.byId(kind, input.id, `${kind}Id`, heldId);
      if (typeof input.name === 'string' && !isNameOf(chosen, input.name))
        throw DomainError.fromReasons([
          {
            code: CatalogRefusal.invalidInput,
            field: kind,
            message: `${kind} "${input.name}" is not the name of ${kind}Id ${input.id} ("${chosen.name}"): give one of them.`,
          },
        ]);
      return { chosen };
    }
    if (input.id === null) return null;
    if (input.name === undefined) return undefined;
    if (input.name === null || tidyCatalogName(input.name) === '') return null;
    return this.byName(kind, input.name, kind, at, terms, heldId);
  }

  /**
   * A customer command's zone, seller and collector as entries: the names its profile records
   * (each entry's name now), the links by id, and the entries to create with the customer.
   * Kinds the command leaves out stay out.
   */
  async forCustomer(
    input: CustomerCatalogInput,
    at: string,
    held?: CatalogLinkIds,
  ): Promise<ResolvedCustomerCatalogs> {
    const resolved: ResolvedCustomerCatalogs = { names: {}, links: {}, creations: [] };
    const planned = new Map<string, CatalogChoice>();
    for (const kind of CUSTOMER_CATALOG_KINDS) {
      const given = { name: input[kind], id: input[`${kind}Id`] };
      const choice = await this.choose(kind, given, at, undefined, held?.[kind]);
      if (choice === undefined) continue;
      resolved.names[kind] = choice?.chosen.name ?? null;
      resolved.links[kind] = choice
        ? { entryId: choice.chosen.entryId, name: choice.chosen.name }
        : null;
      if (choice?.creation) planned.set(choice.chosen.entryId, choice);
    }
    resolved.creations = [...planned.values()].map((choice) => choice.creation!);
    return resolved;
  }

  /**
   * The appends that create the planned entries with the record (each entry's event and its
   * name's claim): on the SQL stores one transaction with the record's own events. A name
   * claimed meanwhile refuses (R28.NAME_TAKEN): the record's write is then decided again.
   */
  async appendsOf(
    creations: readonly CreateCatalogEntry[],
    metadata: Partial<EventMetadata>,
  ): Promise<StreamAppend[]> {
    const appends: StreamAppend[] = [];
    for (const creation of creations) {
      const { entryId } = creation.data;
      const events = catalogDecider.decide(creation, catalogDecider.initialState);
      const state = events.reduce(catalogDecider.evolve, catalogDecider.initialState);
      appends.push(...(await this.names.claimsFor(catalogNamesOf(state), entryId, metadata)));
      appends.push({
        stream: catalogStream(entryId),
        events: events.map((event) => ({ ...event, metadata })),
        expectedRevision: 'no_stream',
      });
    }
    return appends;
  }

  /**
   * Runs a record's write that may create entries; when another request created one of them
   * meanwhile (its claim refuses: R28.NAME_TAKEN), the write is resolved again, and the name then
   * finds that entry: of concurrent records naming one new zone, all are written, one entry.
   */
  static async whileRacing<T>(write: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (error) {
        const raced = error instanceof DomainError && error.code === CatalogRefusal.nameTaken;
        if (!raced || attempt >= 3) throw error;
      }
    }
  }

  /** Context for the entries' events: the record's If-Match and idempotency key are not theirs. */
  static contextOf(context: CommandContext): CommandContext {
    return { ...context, expectedVersion: undefined, idempotencyKey: undefined };
  }
}
