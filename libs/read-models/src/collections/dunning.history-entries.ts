import {
  assertNever,
  describeCents,
  DUNNING_EVENT_TYPES,
  DunningEvent,
  isDunningEvent,
} from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { HistoryEntry, HistorySource } from '../customers/history-entry';

const STEP_SUMMARY = {
  reminder: 'Dunning: payment reminder',
  warning: 'Dunning: warning before suspension',
  suspend: 'Dunning: service suspended for debt',
  cancel: 'Dunning: service cancelled for debt',
} as const;

/** A dunning step's line on its customer's history tab (rule R20: each step is in the history). */
export function dunningHistoryEntryFor(event: RecordedEvent): HistoryEntry | null {
  if (!isDunningEvent(event)) return null;
  const { summary, changes } = describe(event);
  return { customerId: event.data.customerId, summary, changes, bulkOperationId: null };
}

function describe(event: DunningEvent): Omit<HistoryEntry, 'customerId' | 'bulkOperationId'> {
  switch (event.type) {
    case 'DunningStepApplied': {
      const { step, daysOverdue, owedCents, overdueInvoiceIds } = event.data;
      return {
        summary: `${STEP_SUMMARY[step]} (${daysOverdue} days overdue, ${describeCents(owedCents)} owed)`,
        changes: [
          { field: 'dunningStep', before: null, after: step },
          { field: 'overdueInvoiceIds', before: null, after: overdueInvoiceIds },
        ],
      };
    }
    case 'DunningCleared':
      return {
        summary: 'Dunning cleared: nothing overdue',
        changes: [
          { field: 'dunningStep', before: event.data.stepsApplied.at(-1) ?? null, after: null },
        ],
      };
    default:
      return assertNever(event, 'dunning event');
  }
}

export const dunningHistorySource: HistorySource = {
  handles: DUNNING_EVENT_TYPES,
  historyEntryFor: dunningHistoryEntryFor,
};
