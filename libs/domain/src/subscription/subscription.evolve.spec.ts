import { given } from '../shared/testing/decider-specification';
import { subscriptionDecider } from './subscription.decider';
import { SubscriptionEvent } from './subscription.events';
import {
  activated,
  ACTIVATED_ON,
  cancelled,
  discountGranted,
  extraChargeAdded,
  HISTORIES,
  migrated,
  movedToActiveBillable,
  movedToActiveNotBillable,
  rejected,
  REQUESTED_AT,
  requested,
  resumed,
  subscriptionIds,
  suspended,
} from './testing/subscription.fixtures';

const stateAfter = (...events: SubscriptionEvent[]) => given(subscriptionDecider)(events).state();
const wasRequested = { status: 'pending-activation', at: REQUESTED_AT };
const wasActivated = { status: 'active', at: ACTIVATED_ON };
const record = {
  ...subscriptionIds,
  billingMode: 'advance',
  requestedAt: REQUESTED_AT,
  statusHistory: [wasRequested, wasActivated],
  tariffs: [{ tariff: 'Fibra 300', monthlyPriceCents: 2990, effectiveFrom: ACTIVATED_ON }],
  migrations: 0,
  discounts: [],
  extraCharges: [],
};

describe('Subscription evolve', () => {
  it('starts with no subscription', () => {
    expect(stateAfter()).toEqual({ status: 'none' });
  });

  it('requests pending activation, the tariff in effect from the request day', () => {
    expect(stateAfter(requested())).toEqual({
      ...record,
      status: 'pending-activation',
      statusHistory: [wasRequested],
      tariffs: [{ tariff: 'Fibra 300', monthlyPriceCents: 2990, effectiveFrom: '2025-01-20' }],
    });
  });

  it('activates, the tariff then in effect from the activation day', () => {
    expect(stateAfter(requested(), activated())).toEqual({
      ...record,
      status: 'active',
      activatedAt: ACTIVATED_ON,
    });
    expect(stateAfter(requested(), activated('2025-02-03T08:00:00+01:00'))).toMatchObject({
      tariffs: [{ effectiveFrom: '2025-02-03' }],
    });
  });

  it('rejects, keeping the reason', () => {
    expect(stateAfter(requested(), rejected())).toEqual({
      ...record,
      tariffs: [{ tariff: 'Fibra 300', monthlyPriceCents: 2990, effectiveFrom: '2025-01-20' }],
      statusHistory: [wasRequested, { status: 'rejected', at: '2025-01-22T09:00:00.000Z' }],
      status: 'rejected',
      rejectedAt: '2025-01-22T09:00:00.000Z',
      rejectionReason: 'no coverage at the address',
    });
  });

  it('goes to active-not-billable and back, dropping what only that state held', () => {
    const notBillable = stateAfter(...HISTORIES['active-not-billable']);
    const movedOut = { status: 'active-not-billable', at: '2025-02-10T09:00:00.000Z' };
    expect(notBillable).toEqual({
      ...record,
      statusHistory: [wasRequested, wasActivated, movedOut],
      status: 'active-not-billable',
      activatedAt: ACTIVATED_ON,
      notBillableSince: '2025-02-10T09:00:00.000Z',
      notBillableReason: 'company line',
    });
    expect(stateAfter(...HISTORIES['active-not-billable'], movedToActiveBillable())).toEqual({
      ...stateAfter(...HISTORIES.active),
      statusHistory: [
        wasRequested,
        wasActivated,
        movedOut,
        { status: 'active', at: '2025-02-20T09:00:00.000Z' },
      ],
    });
  });

  it('suspends and resumes, dropping the suspension', () => {
    const suspension = { status: 'suspended', at: '2025-02-15T09:00:00.000Z' };
    expect(stateAfter(...HISTORIES.suspended)).toEqual({
      ...record,
      statusHistory: [wasRequested, wasActivated, suspension],
      status: 'suspended',
      activatedAt: ACTIVATED_ON,
      suspendedAt: '2025-02-15T09:00:00.000Z',
      suspensionReason: 'unpaid invoices',
      suspendedBy: 'operator',
    });
    expect(stateAfter(...HISTORIES.suspended, resumed())).toEqual({
      ...stateAfter(...HISTORIES.active),
      statusHistory: [
        wasRequested,
        wasActivated,
        suspension,
        { status: 'active', at: '2025-02-18T09:00:00.000Z' },
      ],
    });
  });

  it('cancels, remembering whether it was ever activated', () => {
    expect(stateAfter(...HISTORIES.suspended, cancelled())).toEqual({
      ...record,
      statusHistory: [
        wasRequested,
        wasActivated,
        { status: 'suspended', at: '2025-02-15T09:00:00.000Z' },
        { status: 'cancelled', at: '2025-02-28' },
      ],
      status: 'cancelled',
      activatedAt: ACTIVATED_ON,
      cancelledAt: '2025-02-28',
      cancellationReason: 'moved abroad',
    });
    expect(stateAfter(requested(), cancelled(null))).toMatchObject({
      status: 'cancelled',
      activatedAt: null,
      cancellationReason: null,
    });
  });

  it('appends migrations to the timeline; one on the current tariff’s first day replaces it', () => {
    const twice = stateAfter(
      ...HISTORIES.active,
      migrated(),
      migrated({ migrationNumber: 2, tariff: 'Fibra 1G', effectiveDate: '2025-03-01' }),
    );
    expect(twice).toMatchObject({
      migrations: 2,
      tariffs: [
        { tariff: 'Fibra 300', monthlyPriceCents: 2990, effectiveFrom: ACTIVATED_ON },
        { tariff: 'Fibra 600', monthlyPriceCents: 3990, effectiveFrom: '2025-02-15' },
        { tariff: 'Fibra 1G', monthlyPriceCents: 3990, effectiveFrom: '2025-03-01' },
      ],
    });
    const sameDay = stateAfter(...HISTORIES.active, migrated({ effectiveDate: ACTIVATED_ON }));
    expect(sameDay).toMatchObject({
      migrations: 1,
      tariffs: [{ tariff: 'Fibra 600', monthlyPriceCents: 3990, effectiveFrom: ACTIVATED_ON }],
    });
  });

  it('keeps discounts and extra charges through every state change', () => {
    const state = stateAfter(
      requested(),
      discountGranted(),
      extraChargeAdded(),
      activated(),
      suspended(),
      cancelled(),
    );
    expect(state).toMatchObject({
      status: 'cancelled',
      discounts: [
        {
          discountId: 'd-1',
          percent: 50,
          amountCents: null,
          from: '2025-02-01',
          until: '2025-04-30',
          grantedAt: '2025-01-21T09:00:00.000Z',
        },
      ],
      extraCharges: [
        {
          chargeId: 'x-1',
          amountCents: 500,
          description: 'Router rental',
          recurring: true,
          from: null,
          addedAt: '2025-01-21T09:00:00.000Z',
        },
      ],
    });
    expect(state.status !== 'none' && state.discounts[0]).not.toHaveProperty('subscriptionId');
  });

  it.each<[string, SubscriptionEvent[], SubscriptionEvent]>([
    ['a second request', HISTORIES.active, requested({ tariff: 'Other' })],
    ['an activation before the request', [], activated()],
    ['a second activation', HISTORIES.active, activated('2025-03-01')],
    ['a rejection once active', HISTORIES.active, rejected()],
    ['a suspension of a not-billable one', HISTORIES['active-not-billable'], suspended()],
    ['resuming an active one', HISTORIES.active, resumed()],
    ['moving a suspended one to not billable', HISTORIES.suspended, movedToActiveNotBillable()],
    ['moving an active one to billable', HISTORIES.active, movedToActiveBillable()],
    ['cancelling a rejected one', HISTORIES.rejected, cancelled()],
    ['cancelling twice', HISTORIES.cancelled, cancelled('again')],
    ['a discount before the request', [], discountGranted()],
  ])('ignores an event that cannot apply: %s', (_case, history, event) => {
    expect(stateAfter(...history, event)).toEqual(stateAfter(...history));
  });
});
