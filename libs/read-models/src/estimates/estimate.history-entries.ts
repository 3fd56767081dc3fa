import { assertNever, describeCents, ESTIMATE_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { HistoryChange } from '../customers/customer-history.entity';
import { HistoryEntry, HistorySource } from '../customers/history-entry';
import { isRecordedEstimateEvent, RecordedEstimateEvent } from './estimate.evolve';

/**
 * An estimate event's line on its customer's history tab (rule R13), under `estimates`. The
 * line names the estimate, its amounts and states, never its free text (line descriptions,
 * notes, a rejection's reason): those are sealed with the customer's personal data.
 */
export function estimateHistoryEntryFor(event: RecordedEvent): HistoryEntry | null {
  if (!isRecordedEstimateEvent(event)) return null;
  const { summary, changes } = describe(event);
  return { customerId: event.data.customerId, summary, changes, bulkOperationId: null };
}

export const estimateHistorySource: HistorySource = {
  handles: ESTIMATE_EVENT_TYPES,
  historyEntryFor: estimateHistoryEntryFor,
};

const moved = (
  estimateId: string,
  from: string,
  to: string,
  extra: object = {},
): HistoryChange[] => [
  {
    field: 'estimates',
    before: { estimateId, state: from },
    after: { estimateId, state: to, ...extra },
  },
];

function describe(event: RecordedEstimateEvent): { summary: string; changes: HistoryChange[] } {
  const { estimateId } = event.data;
  switch (event.type) {
    case 'EstimateCreated': {
      const { totals, validUntil, lines } = event.data;
      const after = {
        estimateId,
        state: 'outstanding',
        lineCount: lines.length,
        totalCents: totals.totalCents,
        validUntil,
      };
      return {
        summary: `Estimate created: ${describeCents(totals.totalCents)}, valid until ${validUntil}`,
        changes: [{ field: 'estimates', before: null, after }],
      };
    }
    case 'EstimateAccepted': {
      const { contractId, subscriptions } = event.data;
      return {
        summary: `Estimate accepted: contract ${contractId} with ${subscriptions.length} subscription(s)`,
        changes: moved(estimateId, 'outstanding', 'accepted', {
          contractId,
          subscriptionIds: subscriptions.map((plan) => plan.subscriptionId),
        }),
      };
    }
    case 'EstimateRejected':
      return {
        summary: 'Estimate rejected',
        changes: moved(estimateId, 'outstanding', 'rejected'),
      };
    case 'EstimateFulfilled': {
      const { contractId, subscriptionIds } = event.data;
      return {
        summary: `Estimate fulfilled: contract drafted, ${subscriptionIds.length} subscription(s) requested`,
        changes: [
          {
            field: 'estimates',
            before: { estimateId, fulfilled: false },
            after: { estimateId, fulfilled: true, contractId, subscriptionIds },
          },
        ],
      };
    }
    default:
      return assertNever(event, 'estimate event');
  }
}
