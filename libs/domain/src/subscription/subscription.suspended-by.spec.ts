import { given } from '../shared/testing/decider-specification';
import { subscriptionDecider } from './subscription.decider';
import {
  activated,
  HISTORIES,
  requested,
  SUBSCRIPTION_NOW,
  subscriptionCommand,
  subscriptionEvent,
  suspended,
} from './testing/subscription.fixtures';

const subscription = given(subscriptionDecider);
const suspendedBy = (by: 'operator' | 'system') => [requested(), activated(), suspended(by)];

describe('Subscription suspension by operator or system (rule R20)', () => {
  describe('suspending', () => {
    it('records an operator by default', () => {
      subscription(HISTORIES.active)
        .when(subscriptionCommand('SuspendSubscription', { reason: 'customer on holiday' }))
        .then([
          subscriptionEvent('SubscriptionSuspended', {
            reason: 'customer on holiday',
            suspendedAt: SUBSCRIPTION_NOW,
            suspendedBy: 'operator',
          }),
        ]);
    });

    it('records the system, for debt', () => {
      subscription(HISTORIES.active)
        .when(subscriptionCommand('SuspendSubscription', { reason: 'debt', by: 'system' }))
        .then([
          subscriptionEvent('SubscriptionSuspended', {
            reason: 'debt',
            suspendedAt: SUBSCRIPTION_NOW,
            suspendedBy: 'system',
          }),
        ]);
    });

    it('refuses a system suspension for anything but debt', () => {
      subscription(HISTORIES.active)
        .when(subscriptionCommand('SuspendSubscription', { reason: 'holiday', by: 'system' }))
        .thenRefuses('SUBSCRIPTION.INVALID_INPUT', { details: [{ field: 'reason' }] });
    });

    it('keeps who suspended it in the state', () => {
      const state = subscription(suspendedBy('system')).state();
      expect(state).toMatchObject({ status: 'suspended', suspendedBy: 'system' });
    });
  });

  describe('resuming', () => {
    it('lets the system resume what it suspended', () => {
      subscription(suspendedBy('system'))
        .when(subscriptionCommand('ResumeSubscription', { by: 'system' }))
        .then([subscriptionEvent('SubscriptionResumed', { resumedAt: SUBSCRIPTION_NOW })]);
    });

    it("refuses the system an operator's suspension", () => {
      subscription(suspendedBy('operator'))
        .when(subscriptionCommand('ResumeSubscription', { by: 'system' }))
        .thenRefuses('SUBSCRIPTION.SUSPENDED_BY_OPERATOR', { message: /suspended by an operator/ });
    });

    it.each(['operator', 'system'] as const)(
      'lets an operator resume a suspension by the %s',
      (by) => {
        subscription(suspendedBy(by))
          .when(subscriptionCommand('ResumeSubscription', {}))
          .then([subscriptionEvent('SubscriptionResumed', { resumedAt: SUBSCRIPTION_NOW })]);
        subscription(suspendedBy(by))
          .when(subscriptionCommand('ResumeSubscription', { by: 'operator' }))
          .then([subscriptionEvent('SubscriptionResumed', { resumedAt: SUBSCRIPTION_NOW })]);
      },
    );
  });
});
