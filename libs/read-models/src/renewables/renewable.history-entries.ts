import { assertNever, RENEWABLE_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { HistoryChange } from '../customers/customer-history.entity';
import { HistoryEntry, HistorySource } from '../customers/history-entry';
import { isRecordedRenewableEvent, RecordedRenewableEvent } from './renewable.evolve';

/** A renewable event's line on its customer's history tab (rule R13), under `renewables`. */
export function renewableHistoryEntryFor(event: RecordedEvent): HistoryEntry | null {
  if (!isRecordedRenewableEvent(event)) return null;
  const { summary, changes } = describe(event);
  return { customerId: event.data.customerId, summary, changes, bulkOperationId: null };
}

export const renewableHistorySource: HistorySource = {
  handles: RENEWABLE_EVENT_TYPES,
  historyEntryFor: renewableHistoryEntryFor,
};

const UNITS = { month: ['month', 'months'], year: ['year', 'years'] } as const;

function describe(event: RecordedRenewableEvent): { summary: string; changes: HistoryChange[] } {
  const { renewableId } = event.data;
  switch (event.type) {
    case 'RenewableRegistered': {
      const { productCode, description, purchasedOn, period, nextRenewalOn } = event.data;
      const unit = UNITS[period.unit][period.every === 1 ? 0 : 1];
      const after = { renewableId, productCode, description, purchasedOn, period, nextRenewalOn };
      return {
        summary: `Renewable registered: ${productCode}, every ${period.every} ${unit}`,
        changes: [{ field: 'renewables', before: null, after: { ...after, status: 'active' } }],
      };
    }
    case 'RenewableRenewed': {
      const { renewalDueOn, renewedOn, nextRenewalOn } = event.data;
      return {
        summary: `Renewable renewed on ${renewedOn}; next renewal ${nextRenewalOn}`,
        changes: [
          {
            field: 'renewables',
            before: { renewableId, nextRenewalOn: renewalDueOn },
            after: { renewableId, status: 'renewed', renewedOn, nextRenewalOn },
          },
        ],
      };
    }
    case 'RenewableLapsed':
      return {
        summary: `Renewable lapsed on ${event.data.lapsedOn}`,
        changes: [
          {
            field: 'renewables',
            before: { renewableId },
            after: { renewableId, status: 'lapsed', lapsedOn: event.data.lapsedOn },
          },
        ],
      };
    default:
      return assertNever(event, 'renewable event');
  }
}
