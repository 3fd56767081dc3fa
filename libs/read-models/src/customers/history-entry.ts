import { maskIban } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { CustomerHistoryRow, HistoryChange } from './customer-history.entity';

/** What one event means on its customer's history tab, before the log's envelope is added. */
export interface HistoryEntry {
  customerId: string;
  /** What happened, in an operator's words: "Email changed". */
  summary: string;
  changes: HistoryChange[];
  bulkOperationId: string | null;
}

/**
 * One aggregate's contribution to the history tab: the event types it maps and a pure
 * mapping. Contracts, subscriptions and invoices add theirs beside the customer's; `null`
 * means the event does not belong on any customer's tab.
 */
export interface HistorySource {
  readonly handles: readonly string[];
  historyEntryFor(event: RecordedEvent): HistoryEntry | null;
}

/** The stored row: the entry plus when, who and where from. IBANs are masked here, for all. */
export function historyRowFor(event: RecordedEvent, entry: HistoryEntry): CustomerHistoryRow {
  const { metadata } = event;
  return {
    eventId: event.id,
    customerId: entry.customerId,
    stream: event.stream,
    position: event.position.toString(),
    occurredAt: new Date(metadata.occurredAt),
    actor: metadata.actor,
    via: typeof metadata.via === 'string' ? metadata.via : null,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    eventType: event.type,
    summary: entry.summary,
    changes: entry.changes.map(({ field, before, after }) => ({
      field,
      before: maskIbans(before, isIbanKey(field)),
      after: maskIbans(after, isIbanKey(field)),
    })),
    bulkOperationId: entry.bulkOperationId,
  };
}

const isIbanKey = (key: string): boolean => /iban/i.test(key);

/** Rule R4: any string under an IBAN-named field, however deep, is shown masked. */
export function maskIbans(value: unknown, underIbanKey = false): unknown {
  if (typeof value === 'string') return underIbanKey ? maskIban(value) : value;
  if (Array.isArray(value)) return value.map((item) => maskIbans(item, underIbanKey));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        maskIbans(item, underIbanKey || isIbanKey(key)),
      ]),
    );
  return value;
}
