import fc from 'fast-check';
import { DomainError } from '../shared/domain-error';
import { isCalendarDate } from '../shared/iso-dates';
import { SubscriptionCommand, SubscriptionCommandType } from './subscription.commands';
import { subscriptionDecider } from './subscription.decider';
import { isBillable, statusTimeline, tariffTimeline } from './subscription.pricing';
import { SubscriptionState } from './subscription.state';
import {
  ACTIVE_CUSTOMER,
  SIGNED_CONTRACT,
  SUBSCRIPTION_CONTRACT_ID,
  SUBSCRIPTION_CUSTOMER_ID,
  subscriptionCommand,
} from './testing/subscription.fixtures';

/** Mostly valid values, so runs get far, with enough broken ones to exercise the refusals. */
const mostly = <T>(valid: T[], broken: T[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 4 }, fc.constantFrom(...broken));
const day = mostly(['2025-01-01', '2025-02-01', '2025-02-15', '2025-03-01'], ['2025-02-30', 'x']);
const price = mostly([0, 1990, 2990, 3990], [-1, 12.5]);
const reason = mostly(['why not'], ['', ' ']);
const id = fc.constantFrom('a', 'b', 'c');

const request = fc
  .record({ tariff: mostly(['Fibra 300', 'Fibra 600'], ['']), monthlyPriceCents: price })
  .map((data) =>
    subscriptionCommand('RequestSubscription', {
      contractId: SUBSCRIPTION_CONTRACT_ID,
      customerId: SUBSCRIPTION_CUSTOMER_ID,
      contract: SIGNED_CONTRACT,
      customer: ACTIVE_CUSTOMER,
      billingMode: 'advance',
      requestedAt: '2025-01-01',
      ...data,
    }),
  );

/** Rejection and cancellation end a run: they come less often, so runs reach the deeper states. */
const commands: fc.Arbitrary<SubscriptionCommand> = fc.oneof(
  { weight: 1, arbitrary: request },
  {
    weight: 3,
    arbitrary: day.map((activatedAt) =>
      subscriptionCommand('ActivateSubscription', { activatedAt }),
    ),
  },
  {
    weight: 1,
    arbitrary: reason.map((why) => subscriptionCommand('RejectSubscription', { reason: why })),
  },
  {
    weight: 3,
    arbitrary: fc.constant(subscriptionCommand('MoveSubscriptionToActiveNotBillable', {})),
  },
  {
    weight: 3,
    arbitrary: fc.constant(subscriptionCommand('MoveSubscriptionToActiveBillable', {})),
  },
  {
    weight: 3,
    arbitrary: reason.map((why) => subscriptionCommand('SuspendSubscription', { reason: why })),
  },
  { weight: 3, arbitrary: fc.constant(subscriptionCommand('ResumeSubscription', {})) },
  {
    weight: 1,
    arbitrary: day.map((cancelledAt) => subscriptionCommand('CancelSubscription', { cancelledAt })),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({
        tariff: mostly(['Fibra 600', 'Fibra 1G'], ['']),
        monthlyPriceCents: price,
        effectiveDate: day,
      })
      .map((data) => subscriptionCommand('MigrateSubscriptionTariff', data)),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        discountId: id,
        percent: mostly([undefined, 10, 100], [0, 101, 10.555]),
        amountCents: mostly([undefined, null], [0, 500]),
        from: day,
        until: fc.constantFrom(undefined, null, '2025-01-15', '2025-02-15', '2025-12-31'),
      })
      .map((data) => subscriptionCommand('GrantDiscount', data)),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ chargeId: id, amountCents: price, description: reason, recurring: fc.boolean() })
      .map((data) => subscriptionCommand('AddExtraCharge', data)),
  },
);

/** Half the runs start with a valid request, so the later commands have something to act on. */
const history = fc
  .tuple(fc.array(commands, { maxLength: 30 }), fc.boolean())
  .map(([rest, startRequested]) =>
    startRequested
      ? [
          subscriptionCommand('RequestSubscription', {
            contractId: SUBSCRIPTION_CONTRACT_ID,
            customerId: SUBSCRIPTION_CUSTOMER_ID,
            contract: SIGNED_CONTRACT,
            customer: ACTIVE_CUSTOMER,
            tariff: 'Fibra 300',
            monthlyPriceCents: 2990,
            billingMode: 'advance',
            requestedAt: '2025-01-01',
          }),
          ...rest,
        ]
      : rest,
  );

type Status = SubscriptionState['status'];

/** Rule R5's edges, written independently of the decider's table; staying put is always allowed. */
const EDGES: Record<Status, Status[]> = {
  none: ['pending-activation'],
  'pending-activation': ['active', 'rejected', 'cancelled'],
  active: ['active-not-billable', 'suspended', 'cancelled'],
  'active-not-billable': ['active', 'cancelled'],
  suspended: ['active', 'cancelled'],
  rejected: [],
  cancelled: [],
};

/** The states each command may act in (anything else is an illegal transition). */
const ACTS_IN: Record<Exclude<SubscriptionCommandType, 'RequestSubscription'>, Status[]> = {
  ActivateSubscription: ['pending-activation'],
  RejectSubscription: ['pending-activation'],
  MoveSubscriptionToActiveNotBillable: ['active'],
  MoveSubscriptionToActiveBillable: ['active-not-billable'],
  SuspendSubscription: ['active'],
  ResumeSubscription: ['suspended'],
  CancelSubscription: ['pending-activation', 'active', 'active-not-billable', 'suspended'],
  MigrateSubscriptionTariff: ['active', 'active-not-billable', 'suspended'],
  GrantDiscount: ['pending-activation', 'active', 'active-not-billable', 'suspended'],
  AddExtraCharge: ['pending-activation', 'active', 'active-not-billable', 'suspended'],
};

interface Step {
  before: SubscriptionState;
  after: SubscriptionState;
  command: SubscriptionCommand;
  refusal: DomainError | null;
}

/** Runs commands as a handler would: accepted ones append their events, refused ones nothing. */
function run(commands: SubscriptionCommand[], check: (step: Step) => void) {
  let state = subscriptionDecider.initialState;
  for (const command of commands) {
    try {
      const events = subscriptionDecider.decide(command, state);
      const after = events.reduce(subscriptionDecider.evolve, state);
      check({ before: state, after, command, refusal: null });
      state = after;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      check({ before: state, after: state, command, refusal: error });
    }
  }
}

const runs = { numRuns: 500 };

describe('Subscription decider properties', () => {
  it('never reaches a state off rule R5’s edges; final states are never left', () => {
    fc.assert(
      fc.property(history, (sequence) => {
        run(sequence, ({ before, after }) => {
          if (after.status !== before.status) expect(EDGES[before.status]).toContain(after.status);
        });
      }),
      runs,
    );
  });

  it('refuses with SUBSCRIPTION.ILLEGAL_TRANSITION exactly when the state does not allow the command', () => {
    fc.assert(
      fc.property(history, (sequence) => {
        run(sequence, ({ before, command, refusal }) => {
          if (command.type === 'RequestSubscription' || before.status === 'none') return;
          const allowed = ACTS_IN[command.type].includes(before.status);
          expect(refusal?.code === 'SUBSCRIPTION.ILLEGAL_TRANSITION').toBe(!allowed);
        });
      }),
      runs,
    );
  });

  it('keeps prices, discounts and charges valid, and both timelines in order', () => {
    fc.assert(
      fc.property(history, (sequence) => {
        run(sequence, ({ after }) => {
          expect(isBillable(after)).toBe(after.status === 'active');
          if (after.status === 'none') return;
          expect(statusTimeline(after).at(-1)?.status).toBe(after.status);
          const timeline = tariffTimeline(after);
          expect(timeline.length).toBeGreaterThan(0);
          timeline.forEach((period, index) => {
            expect(Number.isSafeInteger(period.monthlyPriceCents)).toBe(true);
            expect(period.monthlyPriceCents).toBeGreaterThanOrEqual(0);
            expect(isCalendarDate(period.effectiveFrom)).toBe(true);
            if (index > 0)
              expect(period.effectiveFrom > timeline[index - 1].effectiveFrom).toBe(true);
          });
          for (const discount of after.discounts) {
            expect((discount.percent === null) !== (discount.amountCents === null)).toBe(true);
            if (discount.percent !== null) expect(discount.percent).toBeGreaterThan(0);
            if (discount.amountCents !== null) expect(discount.amountCents).toBeGreaterThan(0);
            if (discount.until !== null) expect(discount.until > discount.from).toBe(true);
          }
          for (const charge of after.extraCharges) expect(charge.amountCents).toBeGreaterThan(0);
          expect(new Set(after.discounts.map((d) => d.discountId)).size).toBe(
            after.discounts.length,
          );
        });
      }),
      runs,
    );
  });
});
