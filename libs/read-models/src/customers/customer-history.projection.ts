import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Projection } from '../projection';
import type { RebuildDescriptor } from '../rebuild/rebuild-descriptor';
import { insertRows } from '../rows/insert-rows';
import { allPast, newestPosition } from '../rows/newest-position';
import { contractHistorySource } from '../contracts/contract.history-entries';
import { subscriptionHistorySource } from '../contracts/subscription.history-entries';
import { invoiceHistorySource } from '../invoices/invoice.history-entries';
import { dunningHistorySource } from '../collections/dunning.history-entries';
import { ticketHistorySource } from '../tickets/ticket.history-entries';
import { estimateHistorySource } from '../estimates/estimate.history-entries';
import { taskHistorySource } from '../tasks/task.history-entries';
import { renewableHistorySource } from '../renewables/renewable.history-entries';
import { filledFormHistorySource } from '../forms/form.history-entries';
import { customerFilesHistorySource } from '../attachments/customer-files.history-entries';
import { customerHistorySource, erasedHistoryLine } from './customer.history-entries';
import { CustomerHistoryRow } from './customer-history.entity';
import { HistorySource, historyRowFor } from './history-entry';

/** Every aggregate's lines on the history tab: customers, contracts, subscriptions, invoices, dunning, tickets. */
export const HISTORY_SOURCES: readonly HistorySource[] = [
  customerHistorySource,
  contractHistorySource,
  subscriptionHistorySource,
  invoiceHistorySource,
  dunningHistorySource,
  ticketHistorySource,
  estimateHistorySource,
  taskHistorySource,
  renewableHistorySource,
  filledFormHistorySource,
  customerFilesHistorySource,
];

/**
 * The history tab (rule R13). Each aggregate contributes a `HistorySource`: the customer's,
 * its contracts', subscriptions' and invoices' for their owning customer.
 */
export class CustomerHistoryProjection implements Projection {
  readonly name = 'customer-history';
  readonly handles: readonly string[];
  readonly tables = ['customer_history'];
  /** An erasure finds the customer's lines through the customer's index (`eraseLines`). */
  readonly rebuild: RebuildDescriptor = {
    indexesReadOn: { CustomerPersonalDataErased: ['customer_history_by_customer'] },
  };
  private readonly sourceByType = new Map<string, HistorySource>();

  constructor(sources: readonly HistorySource[] = HISTORY_SOURCES) {
    for (const source of sources)
      for (const type of source.handles) this.sourceByType.set(type, source);
    this.handles = [...this.sourceByType.keys()];
  }

  /**
   * One multi-row INSERT of the batch's lines; an erasure first writes the lines before it,
   * then rewrites them, so lines after it in the batch are kept as recorded, as event by event.
   */
  async applyBatch(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    let lines: CustomerHistoryRow[] = [];
    for (const event of events) {
      const entry = this.sourceByType.get(event.type)?.historyEntryFor(event) ?? null;
      if (entry === null) continue;
      lines.push(historyRowFor(event, entry));
      if (event.type !== 'CustomerPersonalDataErased') continue;
      await insertLines(manager, lines);
      lines = [];
      await eraseLines(manager, event);
    }
    await insertLines(manager, lines);
  }
}

/**
 * One row per event (keyed by its position): applying the same event again changes nothing.
 * Lines past the newest the tab holds cannot be there yet, so they skip the conflict check
 * (`fail`: a COPY in a transaction), as in a rebuild or a live batch; any other batch is
 * written with `ignore`, leaving a line already there as it was.
 */
async function insertLines(
  manager: EntityManager,
  lines: readonly CustomerHistoryRow[],
): Promise<void> {
  if (lines.length === 0) return;
  const newest = await newestPosition(manager, 'customer_history');
  const allNew = allPast(
    newest,
    lines.map((line) => BigInt(line.position)),
  );
  await insertRows(manager, CustomerHistoryRow, lines, allNew ? 'fail' : 'ignore');
}

/**
 * Rewrites the customer's own lines to their erased form (contracts' and invoices' are kept),
 * found through the customer's index, not by reading the whole tab's table.
 */
async function eraseLines(manager: EntityManager, event: RecordedEvent): Promise<void> {
  const lines = manager.getRepository(CustomerHistoryRow);
  const customerId = (event.data as { customerId: string }).customerId;
  for (const line of await lines.findBy({ customerId, stream: event.stream })) {
    const erased = erasedHistoryLine(line);
    // `changes` holds plain JSON, which TypeORM's deep-partial type cannot see through `unknown`.
    await lines.update(
      { position: line.position },
      erased as QueryDeepPartialEntity<CustomerHistoryRow>,
    );
  }
}
