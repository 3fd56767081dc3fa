import { eventUpcasters } from '../../upcasters';
import { given } from '../../shared/testing/decider-specification';
import { subscriptionDecider } from '../subscription.decider';
import { SubscriptionSuspended } from '../subscription.events';
import {
  activated,
  requested,
  subscriptionCommand,
  subscriptionIds,
} from '../testing/subscription.fixtures';
import { upcastSubscriptionSuspendedV1 } from './subscription-suspended.v1';
import { SUBSCRIPTION_SUSPENDED_V1_FIXTURES } from './subscription-suspended.v1.fixtures';

describe('SubscriptionSuspended v1 → v2 upcaster', () => {
  it('reads every v1 fixture kept from the log as suspended by an operator, the rest unchanged', () => {
    for (const data of SUBSCRIPTION_SUSPENDED_V1_FIXTURES) {
      const before = structuredClone(data);
      expect(upcastSubscriptionSuspendedV1(data)).toEqual({ ...data, suspendedBy: 'operator' });
      expect(data).toEqual(before);
    }
  });

  it('is the one upcaster registered for SubscriptionSuspended, from version 1', () => {
    const registered = eventUpcasters.filter((u) => u.eventType === 'SubscriptionSuspended');
    expect(registered.map((u) => u.fromVersion)).toEqual([1]);
    const [fixture] = SUBSCRIPTION_SUSPENDED_V1_FIXTURES;
    expect(registered[0].upcast(fixture)).toEqual(upcastSubscriptionSuspendedV1(fixture));
  });

  it('leaves an upcast v1 suspension for an operator only: the system may not resume it', () => {
    const v1 = { ...SUBSCRIPTION_SUSPENDED_V1_FIXTURES[0], ...subscriptionIds };
    const upcast: SubscriptionSuspended = {
      type: 'SubscriptionSuspended',
      data: upcastSubscriptionSuspendedV1(v1),
    };
    const history = [requested(), activated(), upcast];
    given(subscriptionDecider)(history)
      .when(subscriptionCommand('ResumeSubscription', { by: 'system' }))
      .thenRefuses('SUBSCRIPTION.SUSPENDED_BY_OPERATOR');
  });
});
