import {
  assertNever,
  SubscriptionRequested,
  SubscriptionStatus,
  SubscriptionTariffMigrated,
  TariffPeriod,
} from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { foldForSearch } from '../customers/search-text';
import { CustomerSubscriptionRow } from './customer-subscription.entity';
import { RecordedSubscriptionEvent } from './recorded-contract-events';

type Columns = Partial<CustomerSubscriptionRow>;

/**
 * The subscription's row after one more event of its stream: pure, so the live projection and
 * a rebuild from the log cannot disagree; its tariff timeline follows the domain's
 * (`tariffTimeline`). `null` in and not a request: nothing to show.
 */
export function evolveCustomerSubscription(
  row: CustomerSubscriptionRow | null,
  event: RecordedSubscriptionEvent,
): CustomerSubscriptionRow | null {
  if (event.type === 'SubscriptionRequested') return withFoldedTariff(requested(event));
  if (row === null) return null;
  return withFoldedTariff({ ...row, ...changedColumns(row, event), ...stamp(event) });
}

/** Every row leaves with its folded tariff recomputed from its tariff. */
const withFoldedTariff = (
  row: Omit<CustomerSubscriptionRow, 'tariffFolded'>,
): CustomerSubscriptionRow => ({ ...row, tariffFolded: foldForSearch(row.tariff) });

type LaterEvent = Exclude<RecordedSubscriptionEvent, { type: 'SubscriptionRequested' }>;

function stamp(event: RecordedSubscriptionEvent) {
  return {
    lastRevision: Number(event.revision),
    updatedAt: new Date(event.metadata.occurredAt),
    lastModifiedBy: event.metadata.actor,
  };
}

function changedColumns(row: CustomerSubscriptionRow, event: LaterEvent): Columns {
  switch (event.type) {
    case 'SubscriptionActivated':
      return {
        ...entered('active', event.data.activatedAt),
        activatedAt: event.data.activatedAt,
        // As the domain prices it: the requested tariff is in effect from the activation day.
        tariffTimeline: [
          { ...row.tariffTimeline[0], effectiveFrom: dayOf(event.data.activatedAt) },
        ],
      };
    case 'SubscriptionRejected':
      return entered('rejected', event.data.rejectedAt, event.data.reason);
    case 'SubscriptionMovedToActiveNotBillable':
      return entered('active-not-billable', event.data.movedAt, event.data.reason);
    case 'SubscriptionMovedToActiveBillable':
      return entered('active', event.data.movedAt);
    case 'SubscriptionSuspended':
      return {
        ...entered('suspended', event.data.suspendedAt, event.data.reason),
        suspendedBy: event.data.suspendedBy,
      };
    case 'SubscriptionResumed':
      return entered('active', event.data.resumedAt);
    case 'SubscriptionTariffMigrated': {
      const { tariff, monthlyPriceCents } = event.data;
      return {
        tariff,
        monthlyPriceCents,
        tariffTimeline: migrated(row.tariffTimeline, event.data),
      };
    }
    case 'DiscountGranted': {
      const { subscriptionId: _s, contractId: _c, customerId: _cu, ...discount } = event.data;
      return { discounts: [...row.discounts, discount] };
    }
    case 'ExtraChargeAdded': {
      const { subscriptionId: _s, contractId: _c, customerId: _cu, ...charge } = event.data;
      return { extraCharges: [...row.extraCharges, charge] };
    }
    case 'SubscriptionCancelled':
      return entered('cancelled', event.data.cancelledAt, event.data.reason);
    default:
      return assertNever(event, 'subscription event');
  }
}

function requested(event: RecordedEvent<'SubscriptionRequested', SubscriptionRequested['data']>) {
  const { subscriptionId, contractId, customerId, tariff, monthlyPriceCents, billingMode } =
    event.data;
  const { requestedAt } = event.data;
  const row: Omit<CustomerSubscriptionRow, 'tariffFolded'> = {
    id: subscriptionId,
    contractId,
    customerId,
    ...entered('pending-activation', requestedAt),
    tariff,
    monthlyPriceCents,
    billingMode,
    tariffTimeline: [{ tariff, monthlyPriceCents, effectiveFrom: dayOf(requestedAt) }],
    discounts: [],
    extraCharges: [],
    requestedAt,
    activatedAt: null,
    ...stamp(event),
  };
  return row;
}

/** Rule R5: only `active` is invoiced; `active-not-billable` keeps the service on for free. */
const SERVICE_ACTIVE: readonly SubscriptionStatus[] = ['active', 'active-not-billable'];

function entered(status: SubscriptionStatus, at: string, reason: string | null = null) {
  return {
    status,
    billable: status === 'active',
    serviceActive: SERVICE_ACTIVE.includes(status),
    statusSince: at,
    statusReason: reason,
    suspendedBy: null,
  };
}

/** As the domain's evolve: a migration on the current tariff's own first day replaces it. */
function migrated(timeline: TariffPeriod[], data: SubscriptionTariffMigrated['data']) {
  const next: TariffPeriod = {
    tariff: data.tariff,
    monthlyPriceCents: data.monthlyPriceCents,
    effectiveFrom: data.effectiveDate,
  };
  const current = timeline[timeline.length - 1];
  const kept = current.effectiveFrom === data.effectiveDate ? timeline.slice(0, -1) : timeline;
  return [...kept, next];
}

/** The calendar day an ISO date or date-time names, as written (the domain's `calendarDateOf`). */
const dayOf = (iso: string): string => iso.slice(0, 10);
