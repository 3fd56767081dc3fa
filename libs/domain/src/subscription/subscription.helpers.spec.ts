import { given } from '../shared/testing/decider-specification';
import { subscriptionDecider } from './subscription.decider';
import { blocksCustomerDeletion, subscriptionDeletionFacts } from './subscription.deletion';
import { SubscriptionEvent } from './subscription.events';
import {
  currentTariffOf,
  discountsOf,
  extraChargesOf,
  isBillable,
  statusTimeline,
  tariffOn,
  tariffTimeline,
} from './subscription.pricing';
import {
  ACTIVATED_ON,
  discountGranted,
  extraChargeAdded,
  HISTORIES,
  migrated,
  StateName,
} from './testing/subscription.fixtures';

const stateAfter = (...events: SubscriptionEvent[]) => given(subscriptionDecider)(events).state();
const stateNamed = (name: StateName) => stateAfter(...HISTORIES[name]);
const ALL: StateName[] = [
  'none',
  'pending-activation',
  'active',
  'active-not-billable',
  'suspended',
  'rejected',
  'cancelled',
];

describe('isBillable (R5: only active is invoiced)', () => {
  it.each(ALL)('%s', (name) => {
    expect(isBillable(stateNamed(name))).toBe(name === 'active');
  });
});

describe('tariffTimeline (R10: the prices to prorate with)', () => {
  const twice = stateAfter(
    ...HISTORIES.active,
    migrated(),
    migrated({
      migrationNumber: 2,
      tariff: 'Fibra 1G',
      monthlyPriceCents: 4990,
      effectiveDate: '2025-03-10',
    }),
  );

  it('lists every tariff with its price and first day, oldest first', () => {
    expect(tariffTimeline(twice)).toEqual([
      { tariff: 'Fibra 300', monthlyPriceCents: 2990, effectiveFrom: ACTIVATED_ON },
      { tariff: 'Fibra 600', monthlyPriceCents: 3990, effectiveFrom: '2025-02-15' },
      { tariff: 'Fibra 1G', monthlyPriceCents: 4990, effectiveFrom: '2025-03-10' },
    ]);
    expect(currentTariffOf(twice)).toMatchObject({ tariff: 'Fibra 1G' });
  });

  it('finds the tariff in effect on a day', () => {
    expect(tariffOn(twice, '2025-01-31')).toBeNull();
    expect(tariffOn(twice, ACTIVATED_ON)).toMatchObject({ tariff: 'Fibra 300' });
    expect(tariffOn(twice, '2025-02-14')).toMatchObject({ tariff: 'Fibra 300' });
    expect(tariffOn(twice, '2025-02-15')).toMatchObject({ tariff: 'Fibra 600' });
    expect(tariffOn(twice, '2025-12-31')).toMatchObject({ tariff: 'Fibra 1G' });
  });

  it('is empty for a subscription never requested', () => {
    expect(tariffTimeline(stateNamed('none'))).toEqual([]);
    expect(currentTariffOf(stateNamed('none'))).toBeNull();
    expect(tariffOn(stateNamed('none'), '2025-01-01')).toBeNull();
  });
});

describe('statusTimeline (the billable days of a period)', () => {
  it('lists every status entered and when, oldest first', () => {
    expect(statusTimeline(stateNamed('cancelled'))).toEqual([
      { status: 'pending-activation', at: '2025-01-20T09:00:00.000Z' },
      { status: 'active', at: ACTIVATED_ON },
      { status: 'cancelled', at: '2025-02-28' },
    ]);
    expect(statusTimeline(stateNamed('none'))).toEqual([]);
  });
});

describe('discountsOf and extraChargesOf', () => {
  it('list what was granted and added, in order', () => {
    const state = stateAfter(
      ...HISTORIES.active,
      discountGranted('d-1'),
      discountGranted('d-2'),
      extraChargeAdded(),
    );
    expect(discountsOf(state).map((discount) => discount.discountId)).toEqual(['d-1', 'd-2']);
    expect(extraChargesOf(state)).toEqual([expect.objectContaining({ chargeId: 'x-1' })]);
    expect(discountsOf(stateNamed('none'))).toEqual([]);
    expect(extraChargesOf(stateNamed('none'))).toEqual([]);
  });
});

describe('blocksCustomerDeletion (R6)', () => {
  it.each<[StateName, boolean]>([
    ['none', false],
    ['pending-activation', false],
    ['rejected', false],
    ['active', true],
    ['active-not-billable', true],
    ['suspended', true],
    ['cancelled', true],
  ])('a bare %s subscription blocks: %s', (name, blocks) => {
    expect(blocksCustomerDeletion(stateNamed(name))).toBe(blocks);
  });

  it('blocks on a discount or an extra charge, even pending activation', () => {
    const pending = HISTORIES['pending-activation'];
    expect(blocksCustomerDeletion(stateAfter(...pending, discountGranted()))).toBe(true);
    expect(blocksCustomerDeletion(stateAfter(...pending, extraChargeAdded()))).toBe(true);
  });

  it('counts the facts the customer deletion needs', () => {
    const states = [
      stateNamed('pending-activation'),
      stateAfter(...HISTORIES['pending-activation'], discountGranted()),
      stateAfter(...HISTORIES.active, extraChargeAdded()),
      stateNamed('cancelled'),
      stateNamed('rejected'),
    ];
    expect(subscriptionDeletionFacts(states)).toEqual({
      liveSubscriptions: 2,
      subscriptionsWithDiscountsOrExtraCharges: 2,
    });
  });
});
