import {
  assertNever,
  describeCents,
  DiscountValue,
  SUBSCRIPTION_EVENT_TYPES,
  SubscriptionStatus,
} from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { HistoryChange } from '../customers/customer-history.entity';
import { HistoryEntry, HistorySource } from '../customers/history-entry';
import { isRecordedSubscriptionEvent, RecordedSubscriptionEvent } from './recorded-contract-events';

/**
 * A subscription event's line on its customer's history tab (rule R13). The line's stream
 * names the subscription; state changes show the status before and after.
 */
export function subscriptionHistoryEntryFor(event: RecordedEvent): HistoryEntry | null {
  if (!isRecordedSubscriptionEvent(event)) return null;
  const { summary, changes } = describe(event);
  return { customerId: event.data.customerId, summary, changes, bulkOperationId: null };
}

export const subscriptionHistorySource: HistorySource = {
  handles: SUBSCRIPTION_EVENT_TYPES,
  historyEntryFor: subscriptionHistoryEntryFor,
};

type Description = { summary: string; changes: HistoryChange[] };

function describe(event: RecordedSubscriptionEvent): Description {
  switch (event.type) {
    case 'SubscriptionRequested': {
      const { tariff, monthlyPriceCents, billingMode } = event.data;
      return {
        summary: `Subscription requested: ${tariff} at ${describeCents(monthlyPriceCents)} a month`,
        changes: [
          { field: 'status', before: null, after: 'pending-activation' },
          { field: 'tariff', before: null, after: tariff },
          { field: 'monthlyPriceCents', before: null, after: monthlyPriceCents },
          { field: 'billingMode', before: null, after: billingMode },
        ],
      };
    }
    case 'SubscriptionActivated':
      return transition('Subscription activated', 'pending-activation', 'active');
    case 'SubscriptionRejected':
      return transition('Subscription rejected', 'pending-activation', 'rejected', event.data);
    case 'SubscriptionMovedToActiveNotBillable':
      return transition(
        'Subscription moved to active, not billable',
        'active',
        'active-not-billable',
        event.data,
      );
    case 'SubscriptionMovedToActiveBillable':
      return transition('Subscription moved back to billable', 'active-not-billable', 'active');
    case 'SubscriptionSuspended':
      return event.data.suspendedBy === 'system'
        ? transition('Subscription suspended by the system', 'active', 'suspended', event.data)
        : transition('Subscription suspended', 'active', 'suspended', event.data);
    case 'SubscriptionResumed':
      return transition('Subscription resumed', 'suspended', 'active');
    case 'SubscriptionTariffMigrated':
      return tariffMigrated(event.data);
    case 'DiscountGranted': {
      const { subscriptionId: _s, contractId: _c, customerId: _cu, ...discount } = event.data;
      return {
        summary: `Discount granted: ${discountAmount(discount)}`,
        changes: [{ field: 'discounts', before: null, after: discount }],
      };
    }
    case 'ExtraChargeAdded': {
      const { subscriptionId: _s, contractId: _c, customerId: _cu, ...charge } = event.data;
      const every = charge.recurring ? ' every cycle' : '';
      return {
        summary: `Extra charge added: ${charge.description}, ${describeCents(charge.amountCents)}${every}`,
        changes: [{ field: 'extraCharges', before: null, after: charge }],
      };
    }
    case 'SubscriptionCancelled':
      // Cancelled from any non-final state: the event does not say which, so the tab does not guess.
      return transition('Subscription cancelled', null, 'cancelled', event.data);
    default:
      return assertNever(event, 'subscription event');
  }
}

/** A status change, and its reason when one was given: "Subscription suspended: unpaid". */
function transition(
  summary: string,
  before: SubscriptionStatus | null,
  after: SubscriptionStatus,
  { reason }: { reason?: string | null } = {},
): Description {
  const given = reason !== undefined && reason !== null;
  return {
    summary: given ? `${summary}: ${reason}` : summary,
    changes: [{ field: 'status', before, after }],
  };
}

function tariffMigrated(
  data: Extract<RecordedSubscriptionEvent, { type: 'SubscriptionTariffMigrated' }>['data'],
): Description {
  const { previousTariff, tariff, previousMonthlyPriceCents, monthlyPriceCents } = data;
  const changes: HistoryChange[] = [
    { field: 'tariff', before: previousTariff, after: tariff },
    { field: 'monthlyPriceCents', before: previousMonthlyPriceCents, after: monthlyPriceCents },
    { field: 'effectiveFrom', before: data.previousEffectiveFrom, after: data.effectiveDate },
  ];
  return {
    summary: `Tariff migrated from ${previousTariff} to ${tariff} on ${data.effectiveDate}`,
    changes: changes.filter((change) => change.before !== change.after),
  };
}

const discountAmount = (discount: DiscountValue): string =>
  discount.percent !== null ? `${discount.percent}%` : describeCents(discount.amountCents);
