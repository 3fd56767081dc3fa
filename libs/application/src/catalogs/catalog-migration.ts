import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CatalogKind,
  CatalogLinks,
  catalogNameKey,
  CUSTOMER_CATALOG_KINDS,
  customerDecider,
  customerStream,
  DEFAULT_VAT_RATE_PERCENT,
  isRegistered,
  SubscriptionRequested,
  TariffTerms,
  tidyCatalogName,
} from '@app/domain';
import { EVENT_STORE, EventStore, untilTheLogShowsWhatIsCommitted } from '@app/event-store';
import { CommandContext } from '../commands/command-context';
import { loadState } from '../commands/load-state';
import { CustomerWrites } from '../customers/customer-writes';
import { CatalogNames } from './catalog-names';
import { CatalogWrites } from './catalog-writes';

/** What a migration run did: the entries it created by kind, the customers it linked. */
export interface CatalogMigrationResult {
  created: Record<CatalogKind, number>;
  customersLinked: number;
  /** Values the catalog cannot take (a name over 100 characters), left as free text. */
  skipped: { kind: CatalogKind; value: string; reason: string }[];
}

const PAGE = 1000;
/** How long the scan waits for writers' older transactions to end before reading the log. */
const LOG_SETTLE_TIMEOUT_MS = 30_000;

/**
 * Rule 28's carrying over of free text written before catalogs existed (`cli catalogs-migrate`):
 * every customer's zone, seller and collector, and every subscription's tariff, without an id,
 * grouped case- and accent-insensitively ("Zona Norte" and "zona norte " are one entry); the
 * entries missing are created (a tariff with the first subscription's price and mode and the
 * general VAT rate), and each customer gets one `CustomerCatalogLinked`. Idempotent: what is
 * linked already, or an entry that exists, is not written again, so a second run appends nothing.
 */
@Injectable()
export class CatalogMigration {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly names: CatalogNames,
    private readonly catalogs: CatalogWrites,
    private readonly customers: CustomerWrites,
  ) {}

  async run(context: CommandContext): Promise<CatalogMigrationResult> {
    const result: CatalogMigrationResult = {
      created: { zone: 0, seller: 0, collector: 0, tariff: 0 },
      customersLinked: 0,
      skipped: [],
    };
    const { customerIds, tariffs } = await this.scanLog();
    const entries = new Map<string, { entryId: string; name: string } | null>();
    /** The entry of `kind` for the free text `text`: found by its name, or created once. */
    const entryFor = async (kind: CatalogKind, text: string, terms?: TariffTerms) => {
      const key = `${kind}:${catalogNameKey(text)}`;
      if (entries.has(key)) return entries.get(key)!;
      const name = tidyCatalogName(text);
      let entry: { entryId: string; name: string } | null = null;
      const holder = await this.names.holderOf(kind, name);
      if (holder !== null) entry = { entryId: holder, name };
      else {
        const entryId = randomUUID();
        const data = { entryId, kind, name, ...(kind === 'tariff' ? terms : {}) };
        try {
          await this.catalogs.decide(
            entryId,
            { type: 'CreateCatalogEntry', data, metadata: { at: context.at } },
            context,
            { expectedVersion: null },
          );
          result.created[kind]++;
          entry = { entryId, name };
        } catch (error) {
          result.skipped.push({ kind, value: text, reason: (error as Error).message });
        }
      }
      entries.set(key, entry);
      return entry;
    };

    for (const [text, terms] of tariffs) await entryFor('tariff', text, terms);

    for (const customerId of customerIds) {
      const state = await loadState(this.store, customerStream(customerId), customerDecider);
      if (!isRegistered(state)) continue;
      const links: CatalogLinks = {};
      for (const kind of CUSTOMER_CATALOG_KINDS) {
        const text = state.profile[kind];
        if (text === null || state.catalogLinks?.[kind]) continue;
        const entry = await entryFor(kind, text);
        if (entry) links[kind] = entry;
      }
      if (Object.keys(links).length === 0) continue;
      await this.customers.decide(
        customerId,
        { type: 'LinkCustomerCatalogs', data: { customerId, links }, metadata: { at: context.at } },
        context,
      );
      result.customersLinked++;
    }
    return result;
  }

  /** Every customer registered, and every tariff subscriptions name without an id (first terms). */
  private async scanLog() {
    // The whole log shows an event only once every older transaction has ended: a scan begun
    // at once could miss a subscription committed a moment ago and report a complete run.
    if (!(await untilTheLogShowsWhatIsCommitted(this.store, { timeoutMs: LOG_SETTLE_TIMEOUT_MS })))
      throw new Error(
        `the log did not show every committed event within ${LOG_SETTLE_TIMEOUT_MS / 1000} s (a writer's transaction is still open): nothing was migrated, run it again`,
      );
    const customerIds = new Set<string>();
    const tariffs = new Map<string, TariffTerms>();
    const seen = new Set<string>();
    let fromPosition: bigint | undefined;
    for (;;) {
      const page = await this.store.readAll({
        fromPosition,
        limit: PAGE,
        eventTypes: ['CustomerRegistered', 'SubscriptionRequested'],
      });
      for (const event of page) {
        if (event.type === 'CustomerRegistered')
          customerIds.add((event.data as { customerId: string }).customerId);
        else {
          const data = event.data as SubscriptionRequested['data'];
          const key = catalogNameKey(data.tariff ?? '');
          if (data.tariffId || key === '' || seen.has(key)) continue;
          seen.add(key);
          tariffs.set(data.tariff, {
            monthlyPriceCents: data.monthlyPriceCents,
            vatRatePercent: DEFAULT_VAT_RATE_PERCENT,
            billingMode: data.billingMode,
          });
        }
      }
      if (page.length < PAGE) break;
      fromPosition = page[page.length - 1].position;
    }
    return { customerIds, tariffs };
  }
}
