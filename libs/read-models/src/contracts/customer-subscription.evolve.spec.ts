import { SubscriptionEvent, subscriptionDecider } from '@app/domain';
import {
  activated,
  discountGranted,
  extraChargeAdded,
  HISTORIES,
  migrated,
  movedToActiveNotBillable,
  requested,
  resumed,
  suspended,
  StateName,
  SUBSCRIPTION_CONTRACT_ID,
  SUBSCRIPTION_ID,
} from '@app/domain/subscription/testing/subscription.fixtures';
import { foldRow, recordedStream } from '../testing/recorded-stream';
import { evolveCustomerSubscription } from './customer-subscription.evolve';

const stream = (...events: SubscriptionEvent[]) =>
  recordedStream(`subscription-${SUBSCRIPTION_ID}`, events);

describe('evolveCustomerSubscription (pure: no database)', () => {
  it('a request opens the row, pending activation, with its first tariff', () => {
    expect(foldRow(evolveCustomerSubscription, stream(requested()))).toMatchObject({
      id: SUBSCRIPTION_ID,
      contractId: SUBSCRIPTION_CONTRACT_ID,
      status: 'pending-activation',
      billable: false,
      serviceActive: false,
      tariff: 'Fibra 300',
      tariffTimeline: [
        { tariff: 'Fibra 300', monthlyPriceCents: 2990, effectiveFrom: '2025-01-20' },
      ],
      lastRevision: 0,
    });
  });

  it.each(Object.keys(HISTORIES).filter((name) => name !== 'none') as StateName[])(
    'ends in the status the domain folds the same history into (%s), billable only when active (R5)',
    (name) => {
      const history: SubscriptionEvent[] = HISTORIES[name];
      const state = history.reduce(subscriptionDecider.evolve, subscriptionDecider.initialState);
      const row = foldRow(evolveCustomerSubscription, stream(...history));
      expect(row?.status).toBe(state.status);
      expect(row?.billable).toBe(state.status === 'active');
      expect(row?.serviceActive).toBe(['active', 'active-not-billable'].includes(state.status));
    },
  );

  it('the activation starts the tariff on its day; a migration adds the next tariff', () => {
    const row = foldRow(evolveCustomerSubscription, stream(requested(), activated(), migrated()));
    expect(row).toMatchObject({
      status: 'active',
      activatedAt: '2025-02-01',
      tariff: 'Fibra 600',
      monthlyPriceCents: 3990,
      tariffTimeline: [
        { tariff: 'Fibra 300', monthlyPriceCents: 2990, effectiveFrom: '2025-02-01' },
        { tariff: 'Fibra 600', monthlyPriceCents: 3990, effectiveFrom: '2025-02-15' },
      ],
      lastRevision: 2,
    });
  });

  it('keeps discounts and extra charges without the ids they belong to, and a reason with the status', () => {
    const row = foldRow(
      evolveCustomerSubscription,
      stream(
        requested(),
        discountGranted(),
        extraChargeAdded(),
        activated(),
        movedToActiveNotBillable(),
      ),
    );
    expect(row?.discounts).toEqual([expect.objectContaining({ discountId: 'd-1', percent: 50 })]);
    expect(row?.discounts[0]).not.toHaveProperty('subscriptionId');
    expect(row?.extraCharges).toEqual([
      expect.objectContaining({ chargeId: 'x-1', amountCents: 500 }),
    ]);
    expect(row).toMatchObject({ status: 'active-not-billable', statusReason: 'company line' });
  });

  it('a later event of a subscription it never saw requested shows nothing', () => {
    const [, later] = stream(requested(), activated());
    expect(evolveCustomerSubscription(null, later)).toBeNull();
  });

  it.each(['operator', 'system'] as const)(
    'says who suspended it (%s) while suspended, and nobody once resumed (R20)',
    (by) => {
      const suspendedRow = foldRow(
        evolveCustomerSubscription,
        stream(requested(), activated(), suspended(by)),
      );
      expect(suspendedRow).toMatchObject({ status: 'suspended', suspendedBy: by });
      const resumedRow = foldRow(
        evolveCustomerSubscription,
        stream(requested(), activated(), suspended(by), resumed()),
      );
      expect(resumedRow).toMatchObject({ status: 'active', suspendedBy: null });
    },
  );
});
