import { given } from '../shared/testing/decider-specification';
import { SubscriptionCommand, SubscriptionCommandType } from './subscription.commands';
import { subscriptionDecider } from './subscription.decider';
import { SubscriptionStatus } from './subscription.state';
import {
  ACTIVE_CUSTOMER,
  SIGNED_CONTRACT,
  HISTORIES,
  StateName,
  SUBSCRIPTION_CONTRACT_ID,
  SUBSCRIPTION_CUSTOMER_ID,
  subscriptionCommand,
  subscriptionIds,
} from './testing/subscription.fixtures';

const subscription = given(subscriptionDecider);

/** One valid instance of every command, so only the state decides the outcome. */
const every: Record<SubscriptionCommandType, SubscriptionCommand> = {
  RequestSubscription: subscriptionCommand('RequestSubscription', {
    contractId: SUBSCRIPTION_CONTRACT_ID,
    customerId: SUBSCRIPTION_CUSTOMER_ID,
    contract: SIGNED_CONTRACT,
    customer: ACTIVE_CUSTOMER,
    tariff: 'Fibra 300',
    monthlyPriceCents: 2990,
    billingMode: 'advance',
  }),
  ActivateSubscription: subscriptionCommand('ActivateSubscription', { activatedAt: '2025-02-01' }),
  RejectSubscription: subscriptionCommand('RejectSubscription', { reason: 'no coverage' }),
  MoveSubscriptionToActiveNotBillable: subscriptionCommand(
    'MoveSubscriptionToActiveNotBillable',
    {},
  ),
  MoveSubscriptionToActiveBillable: subscriptionCommand('MoveSubscriptionToActiveBillable', {}),
  SuspendSubscription: subscriptionCommand('SuspendSubscription', { reason: 'unpaid' }),
  ResumeSubscription: subscriptionCommand('ResumeSubscription', {}),
  CancelSubscription: subscriptionCommand('CancelSubscription', {}),
  MigrateSubscriptionTariff: subscriptionCommand('MigrateSubscriptionTariff', {
    tariff: 'Fibra 600',
    monthlyPriceCents: 3990,
    effectiveDate: '2025-03-15',
  }),
  GrantDiscount: subscriptionCommand('GrantDiscount', {
    discountId: 'd-9',
    percent: 10,
    from: '2025-03-01',
  }),
  AddExtraCharge: subscriptionCommand('AddExtraCharge', {
    chargeId: 'x-9',
    amountCents: 1500,
    description: 'Installation',
    recurring: false,
  }),
};

type Outcome = { event: string; status: SubscriptionStatus } | { refused: string };
const to = (event: string, status: SubscriptionStatus): Outcome => ({ event, status });
const ILLEGAL: Outcome = { refused: 'SUBSCRIPTION.ILLEGAL_TRANSITION' };
const NOT_FOUND: Outcome = { refused: 'SUBSCRIPTION.NOT_FOUND' };
const ALREADY: Outcome = { refused: 'SUBSCRIPTION.ALREADY_REQUESTED' };

/**
 * Rule R5 written out cell by cell, independently of `SUBSCRIPTION_TRANSITIONS`:
 * pending-activation → active | rejected; active ↔ active-not-billable; active ↔ suspended;
 * any non-final → cancelled; rejected and cancelled are final.
 */
const R5: Record<StateName, Record<SubscriptionCommandType, Outcome>> = {
  none: {
    RequestSubscription: to('SubscriptionRequested', 'pending-activation'),
    ActivateSubscription: NOT_FOUND,
    RejectSubscription: NOT_FOUND,
    MoveSubscriptionToActiveNotBillable: NOT_FOUND,
    MoveSubscriptionToActiveBillable: NOT_FOUND,
    SuspendSubscription: NOT_FOUND,
    ResumeSubscription: NOT_FOUND,
    CancelSubscription: NOT_FOUND,
    MigrateSubscriptionTariff: NOT_FOUND,
    GrantDiscount: NOT_FOUND,
    AddExtraCharge: NOT_FOUND,
  },
  'pending-activation': {
    RequestSubscription: ALREADY,
    ActivateSubscription: to('SubscriptionActivated', 'active'),
    RejectSubscription: to('SubscriptionRejected', 'rejected'),
    MoveSubscriptionToActiveNotBillable: ILLEGAL,
    MoveSubscriptionToActiveBillable: ILLEGAL,
    SuspendSubscription: ILLEGAL,
    ResumeSubscription: ILLEGAL,
    CancelSubscription: to('SubscriptionCancelled', 'cancelled'),
    MigrateSubscriptionTariff: ILLEGAL,
    GrantDiscount: to('DiscountGranted', 'pending-activation'),
    AddExtraCharge: to('ExtraChargeAdded', 'pending-activation'),
  },
  active: {
    RequestSubscription: ALREADY,
    ActivateSubscription: ILLEGAL,
    RejectSubscription: ILLEGAL,
    MoveSubscriptionToActiveNotBillable: to(
      'SubscriptionMovedToActiveNotBillable',
      'active-not-billable',
    ),
    MoveSubscriptionToActiveBillable: ILLEGAL,
    SuspendSubscription: to('SubscriptionSuspended', 'suspended'),
    ResumeSubscription: ILLEGAL,
    CancelSubscription: to('SubscriptionCancelled', 'cancelled'),
    MigrateSubscriptionTariff: to('SubscriptionTariffMigrated', 'active'),
    GrantDiscount: to('DiscountGranted', 'active'),
    AddExtraCharge: to('ExtraChargeAdded', 'active'),
  },
  'active-not-billable': {
    RequestSubscription: ALREADY,
    ActivateSubscription: ILLEGAL,
    RejectSubscription: ILLEGAL,
    MoveSubscriptionToActiveNotBillable: ILLEGAL,
    MoveSubscriptionToActiveBillable: to('SubscriptionMovedToActiveBillable', 'active'),
    SuspendSubscription: ILLEGAL,
    ResumeSubscription: ILLEGAL,
    CancelSubscription: to('SubscriptionCancelled', 'cancelled'),
    MigrateSubscriptionTariff: to('SubscriptionTariffMigrated', 'active-not-billable'),
    GrantDiscount: to('DiscountGranted', 'active-not-billable'),
    AddExtraCharge: to('ExtraChargeAdded', 'active-not-billable'),
  },
  suspended: {
    RequestSubscription: ALREADY,
    ActivateSubscription: ILLEGAL,
    RejectSubscription: ILLEGAL,
    MoveSubscriptionToActiveNotBillable: ILLEGAL,
    MoveSubscriptionToActiveBillable: ILLEGAL,
    SuspendSubscription: ILLEGAL,
    ResumeSubscription: to('SubscriptionResumed', 'active'),
    CancelSubscription: to('SubscriptionCancelled', 'cancelled'),
    MigrateSubscriptionTariff: to('SubscriptionTariffMigrated', 'suspended'),
    GrantDiscount: to('DiscountGranted', 'suspended'),
    AddExtraCharge: to('ExtraChargeAdded', 'suspended'),
  },
  rejected: {
    RequestSubscription: ALREADY,
    ActivateSubscription: ILLEGAL,
    RejectSubscription: ILLEGAL,
    MoveSubscriptionToActiveNotBillable: ILLEGAL,
    MoveSubscriptionToActiveBillable: ILLEGAL,
    SuspendSubscription: ILLEGAL,
    ResumeSubscription: ILLEGAL,
    CancelSubscription: ILLEGAL,
    MigrateSubscriptionTariff: ILLEGAL,
    GrantDiscount: ILLEGAL,
    AddExtraCharge: ILLEGAL,
  },
  cancelled: {
    RequestSubscription: ALREADY,
    ActivateSubscription: ILLEGAL,
    RejectSubscription: ILLEGAL,
    MoveSubscriptionToActiveNotBillable: ILLEGAL,
    MoveSubscriptionToActiveBillable: ILLEGAL,
    SuspendSubscription: ILLEGAL,
    ResumeSubscription: ILLEGAL,
    CancelSubscription: ILLEGAL,
    MigrateSubscriptionTariff: ILLEGAL,
    GrantDiscount: ILLEGAL,
    AddExtraCharge: ILLEGAL,
  },
};

const cells = (Object.keys(R5) as StateName[]).flatMap((state) =>
  (Object.keys(R5[state]) as SubscriptionCommandType[]).map((type) => {
    const outcome = R5[state][type];
    const shown = 'refused' in outcome ? outcome.refused : `${outcome.event} → ${outcome.status}`;
    return [state, type, shown, outcome] as const;
  }),
);

/** How a state is named in an illegal-transition message. */
const SUBJECT: Record<string, RegExp> = {
  'pending-activation': /^A subscription pending activation cannot be /,
  active: /^An active subscription cannot be /,
  'active-not-billable': /^An active-not-billable subscription cannot be /,
  suspended: /^A suspended subscription cannot be /,
  rejected: /^A rejected subscription cannot be .*which is final/,
  cancelled: /^A cancelled subscription cannot be .*which is final/,
};

describe('Subscription states (R5): every state × every command', () => {
  it.each(cells)('when %s, %s → %s', (state, type, _shown, outcome) => {
    const history = subscription(HISTORIES[state]);
    if ('refused' in outcome) {
      const message = outcome === ILLEGAL ? SUBJECT[state] : undefined;
      history.when(every[type]).thenRefuses(outcome.refused, { message });
      return;
    }
    const events = subscriptionDecider.decide(every[type], history.state());
    expect(events).toEqual([
      { type: outcome.event, data: expect.objectContaining(subscriptionIds) },
    ]);
    const after = events.reduce(subscriptionDecider.evolve, history.state());
    expect(after.status).toBe(outcome.status);
  });

  it('covers every command of the decider', () => {
    expect(Object.keys(R5.active).sort()).toEqual(Object.keys(every).sort());
  });
});

describe('illegal transition messages (R5)', () => {
  it('names the state and the command', () => {
    subscription(HISTORIES.rejected)
      .when(every.ActivateSubscription)
      .thenRefuses('SUBSCRIPTION.ILLEGAL_TRANSITION', {
        message:
          'A rejected subscription cannot be activated (subscription subscription-under-test is rejected, which is final; request a new subscription instead; rule R5).',
      });
  });

  it('says what the state allows instead', () => {
    subscription(HISTORIES.active)
      .when(every.ResumeSubscription)
      .thenRefuses('SUBSCRIPTION.ILLEGAL_TRANSITION', {
        message:
          'An active subscription cannot be resumed (subscription subscription-under-test is active; from there it can only be moved to active-not-billable, suspended, cancelled, migrated to another tariff, granted a discount or given an extra charge; rule R5).',
      });
    subscription(HISTORIES['active-not-billable'])
      .when(every.SuspendSubscription)
      .thenRefuses('SUBSCRIPTION.ILLEGAL_TRANSITION', {
        message: /can only be moved back to active \(billable\), cancelled, migrated/,
      });
    subscription(HISTORIES['pending-activation'])
      .when(every.MigrateSubscriptionTariff)
      .thenRefuses('SUBSCRIPTION.ILLEGAL_TRANSITION', {
        message:
          /cannot be migrated to another tariff .* can only be activated, rejected, cancelled/,
      });
  });

  it('refuses on the state before looking at the input', () => {
    const broken = subscriptionCommand('RejectSubscription', { reason: '' });
    subscription(HISTORIES.cancelled).when(broken).thenRefuses('SUBSCRIPTION.ILLEGAL_TRANSITION');
  });
});
