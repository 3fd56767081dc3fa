import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Projection } from '../projection';
import { contractHistorySource } from '../contracts/contract.history-entries';
import { subscriptionHistorySource } from '../contracts/subscription.history-entries';
import { invoiceHistorySource } from '../invoices/invoice.history-entries';
import { customerHistorySource, erasedHistoryLine } from './customer.history-entries';
import { CustomerHistoryRow } from './customer-history.entity';
import { HistorySource, historyRowFor } from './history-entry';

/** Every aggregate's lines on the history tab: customers, contracts, subscriptions, invoices. */
export const HISTORY_SOURCES: readonly HistorySource[] = [
  customerHistorySource,
  contractHistorySource,
  subscriptionHistorySource,
  invoiceHistorySource,
];

/**
 * The history tab (rule R13). Each aggregate contributes a `HistorySource`: the customer's,
 * its contracts', subscriptions' and invoices' for their owning customer.
 */
export class CustomerHistoryProjection implements Projection {
  readonly name = 'customer-history';
  readonly handles: readonly string[];
  readonly tables = ['customer_history'];
  private readonly sourceByType = new Map<string, HistorySource>();

  constructor(sources: readonly HistorySource[] = HISTORY_SOURCES) {
    for (const source of sources)
      for (const type of source.handles) this.sourceByType.set(type, source);
    this.handles = [...this.sourceByType.keys()];
  }

  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    const entry = this.sourceByType.get(event.type)?.historyEntryFor(event) ?? null;
    if (entry === null) return;
    // One row per event id: applying the same event again changes nothing.
    await manager
      .createQueryBuilder()
      .insert()
      .into(CustomerHistoryRow)
      // `changes` holds plain JSON, which TypeORM's deep-partial type cannot see through `unknown`.
      .values(historyRowFor(event, entry) as QueryDeepPartialEntity<CustomerHistoryRow>)
      .orIgnore()
      .execute();
    if (event.type === 'CustomerPersonalDataErased') await eraseLines(manager, event);
  }
}

/** Rewrites the customer's own lines to their erased form (contracts' and invoices' are kept). */
async function eraseLines(manager: EntityManager, event: RecordedEvent): Promise<void> {
  const lines = manager.getRepository(CustomerHistoryRow);
  for (const line of await lines.findBy({ stream: event.stream })) {
    const erased = erasedHistoryLine(line);
    // `changes` holds plain JSON, which TypeORM's deep-partial type cannot see through `unknown`.
    await lines.update(
      { eventId: line.eventId },
      erased as QueryDeepPartialEntity<CustomerHistoryRow>,
    );
  }
}
