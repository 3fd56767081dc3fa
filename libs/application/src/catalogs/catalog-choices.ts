import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CatalogCommand,
  catalogDecider,
  CatalogKind,
  CatalogLinks,
  CatalogRefusal,
  catalogStream,
  chooseCatalogEntry,
  ChosenCatalogEntry,
  CUSTOMER_CATALOG_KINDS,
  CustomerCatalogKind,
  DomainError,
  isNameOf,
  TariffTerms,
  tidyCatalogName,
} from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CommandContext } from '../commands/command-context';
import { loadState } from '../commands/load-state';
import { CatalogNames } from './catalog-names';
import { CatalogWrites } from './catalog-writes';

/** What a customer command may say of its zone, seller and collector: names, ids, or both. */
export type CustomerCatalogInput = Partial<
  Record<CustomerCatalogKind, string | null> & Record<`${CustomerCatalogKind}Id`, string | null>
>;

/** The names the profile records (the entries' names now) and the links to their ids. */
export interface ResolvedCustomerCatalogs {
  names: Partial<Record<CustomerCatalogKind, string | null>>;
  links: CatalogLinks;
}

/**
 * Rule 28 for the records that choose from catalogs: a name or an id becomes an active entry,
 * read from the log (its name's reservation, then its own stream), never from a lagging read
 * model. A name no entry holds creates the entry, so clients that send free text keep working;
 * whether an entry may be chosen is the domain's decision (`chooseCatalogEntry`).
 */
@Injectable()
export class CatalogChoices {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly names: CatalogNames,
    private readonly writes: CatalogWrites,
  ) {}

  /** The entry `entryId` of `kind`, if a new record may choose it. */
  async byId(kind: CatalogKind, entryId: string, field: string): Promise<ChosenCatalogEntry> {
    const state = await loadState(this.store, catalogStream(entryId), catalogDecider);
    return chooseCatalogEntry(state, kind, entryId, field);
  }

  /**
   * The entry of `kind` named `name` (without case or accents), if a new record may choose it;
   * none: created (a tariff with `terms`), under the actor and correlation of `context`.
   */
  async byName(
    kind: CatalogKind,
    name: string,
    field: string,
    context: CommandContext,
    terms?: TariffTerms,
  ): Promise<ChosenCatalogEntry> {
    for (let attempt = 1; ; attempt++) {
      const holder = await this.names.holderOf(kind, name);
      if (holder !== null) {
        const state = await loadState(this.store, catalogStream(holder), catalogDecider);
        if (state.status !== 'none') return chooseCatalogEntry(state, kind, holder, field);
      }
      try {
        return await this.create(kind, name, context, terms);
      } catch (error) {
        // Another request created it meanwhile: choose that one.
        const raced = error instanceof DomainError && error.code === CatalogRefusal.nameTaken;
        if (!raced || attempt >= 3) throw error;
      }
    }
  }

  /** A name, or an id (which wins: the name must then be the entry's own). `null`: cleared. */
  async choose(
    kind: CatalogKind,
    input: { name?: string | null; id?: string | null },
    context: CommandContext,
    terms?: TariffTerms,
  ): Promise<ChosenCatalogEntry | null | undefined> {
    if (input.id) {
      const entry = await this.byId(kind, input.id, `${kind}Id`);
      if (typeof input.name === 'string' && !isNameOf(entry, input.name))
        throw DomainError.fromReasons([
          {
            code: CatalogRefusal.invalidInput,
            field: kind,
            message: `${kind} "${input.name}" is not the name of ${kind}Id ${input.id} ("${entry.name}"): give one of them.`,
          },
        ]);
      return entry;
    }
    if (input.id === null) return null;
    if (input.name === undefined) return undefined;
    if (input.name === null || tidyCatalogName(input.name) === '') return null;
    return this.byName(kind, input.name, kind, context, terms);
  }

  /**
   * A customer command's zone, seller and collector as entries: the names its profile records
   * (each entry's name now) and the links by id. Kinds the command leaves out stay out.
   */
  async forCustomer(
    input: CustomerCatalogInput,
    context: CommandContext,
  ): Promise<ResolvedCustomerCatalogs> {
    const names: ResolvedCustomerCatalogs['names'] = {};
    const links: CatalogLinks = {};
    for (const kind of CUSTOMER_CATALOG_KINDS) {
      const chosen = await this.choose(
        kind,
        { name: input[kind], id: input[`${kind}Id`] },
        context,
      );
      if (chosen === undefined) continue;
      names[kind] = chosen?.name ?? null;
      links[kind] = chosen ? { entryId: chosen.entryId, name: chosen.name } : null;
    }
    return { names, links };
  }

  private async create(
    kind: CatalogKind,
    name: string,
    context: CommandContext,
    terms?: TariffTerms,
  ): Promise<ChosenCatalogEntry> {
    const entryId = randomUUID();
    const command: CatalogCommand = {
      type: 'CreateCatalogEntry',
      data: { entryId, kind, name, ...(kind === 'tariff' ? terms : {}) },
      metadata: { at: context.at },
    };
    // The entry is its own aggregate: the record's If-Match and idempotency key are not its.
    const own: CommandContext = {
      ...context,
      expectedVersion: undefined,
      idempotencyKey: undefined,
    };
    await this.writes.decide(entryId, command, own, { expectedVersion: null });
    return this.byId(kind, entryId, kind);
  }
}
