import { assertNever } from '../shared/decider';
import { calendarDateOf } from '../shared/iso-dates';
import { SubscriptionEvent, SubscriptionTariffMigrated } from './subscription.events';
import {
  subscriptionRecordOf,
  RequestedSubscription,
  SubscriptionRecord,
  SubscriptionState,
  SubscriptionStatus,
} from './subscription.state';
import { TariffPeriod } from './subscription.terms';

/**
 * Folds one event into the state. Events are facts already accepted, so evolve never refuses:
 * an event that cannot apply to the current status leaves the state as it is.
 */
export function evolveSubscription(
  state: SubscriptionState,
  event: SubscriptionEvent,
): SubscriptionState {
  const { type, data } = event;
  if (type === 'SubscriptionRequested') return state.status === 'none' ? requested(event) : state;
  if (state.status === 'none') return state;
  const record = subscriptionRecordOf(state);
  switch (type) {
    case 'SubscriptionActivated':
      if (state.status !== 'pending-activation') return state;
      return {
        ...entered(record, 'active', data.activatedAt),
        status: 'active',
        activatedAt: data.activatedAt,
        // Pricing starts with the service: the requested tariff is in effect from activation.
        tariffs: [{ ...record.tariffs[0], effectiveFrom: calendarDateOf(data.activatedAt) }],
      };
    case 'SubscriptionRejected':
      if (state.status !== 'pending-activation') return state;
      return {
        ...entered(record, 'rejected', data.rejectedAt),
        status: 'rejected',
        rejectedAt: data.rejectedAt,
        rejectionReason: data.reason,
      };
    case 'SubscriptionMovedToActiveNotBillable':
      if (state.status !== 'active') return state;
      return {
        ...entered(record, 'active-not-billable', data.movedAt),
        status: 'active-not-billable',
        activatedAt: state.activatedAt,
        notBillableSince: data.movedAt,
        notBillableReason: data.reason,
      };
    case 'SubscriptionMovedToActiveBillable':
      if (state.status !== 'active-not-billable') return state;
      return {
        ...entered(record, 'active', data.movedAt),
        status: 'active',
        activatedAt: state.activatedAt,
      };
    case 'SubscriptionSuspended':
      if (state.status !== 'active') return state;
      return {
        ...entered(record, 'suspended', data.suspendedAt, data.suspendedBy),
        status: 'suspended',
        activatedAt: state.activatedAt,
        suspendedAt: data.suspendedAt,
        suspensionReason: data.reason,
        suspendedBy: data.suspendedBy,
      };
    case 'SubscriptionResumed':
      if (state.status !== 'suspended') return state;
      return {
        ...entered(record, 'active', data.resumedAt),
        status: 'active',
        activatedAt: state.activatedAt,
      };
    case 'SubscriptionTariffMigrated':
      return { ...state, tariffs: migrated(state.tariffs, data), migrations: data.migrationNumber };
    case 'DiscountGranted': {
      const { subscriptionId: _s, contractId: _c, customerId: _cu, ...discount } = data;
      return { ...state, discounts: [...state.discounts, discount] };
    }
    case 'ExtraChargeAdded': {
      const { subscriptionId: _s, contractId: _c, customerId: _cu, ...charge } = data;
      return { ...state, extraCharges: [...state.extraCharges, charge] };
    }
    case 'SubscriptionCancelled':
      if (state.status === 'rejected' || state.status === 'cancelled') return state;
      return {
        ...entered(record, 'cancelled', data.cancelledAt),
        status: 'cancelled',
        activatedAt: activatedAtOf(state),
        cancelledAt: data.cancelledAt,
        cancellationReason: data.reason,
      };
    default:
      return assertNever(type, 'subscription event');
  }
}

function requested(event: Extract<SubscriptionEvent, { type: 'SubscriptionRequested' }>) {
  const { subscriptionId, contractId, customerId, billingMode, requestedAt } = event.data;
  const { tariff, monthlyPriceCents } = event.data;
  const record: SubscriptionRecord = {
    subscriptionId,
    contractId,
    customerId,
    billingMode,
    requestedAt,
    statusHistory: [{ status: 'pending-activation', at: requestedAt }],
    tariffs: [{ tariff, monthlyPriceCents, effectiveFrom: calendarDateOf(requestedAt) }],
    migrations: 0,
    discounts: [],
    extraCharges: [],
  };
  return { status: 'pending-activation' as const, ...record };
}

/** A migration effective on the current tariff's own first day replaces it; otherwise it follows. */
function migrated(tariffs: TariffPeriod[], data: SubscriptionTariffMigrated['data']) {
  const next: TariffPeriod = {
    tariff: data.tariff,
    monthlyPriceCents: data.monthlyPriceCents,
    effectiveFrom: data.effectiveDate,
  };
  const current = tariffs[tariffs.length - 1];
  const kept = current.effectiveFrom === data.effectiveDate ? tariffs.slice(0, -1) : tariffs;
  return [...kept, next];
}

/** The record with the new status appended to its history. */
function entered(
  record: SubscriptionRecord,
  status: SubscriptionStatus,
  at: string,
  by?: 'operator' | 'system',
): SubscriptionRecord {
  const change = by === 'system' ? { status, at, by } : { status, at };
  return { ...record, statusHistory: [...record.statusHistory, change] };
}

function activatedAtOf(state: RequestedSubscription): string | null {
  return 'activatedAt' in state ? state.activatedAt : null;
}
