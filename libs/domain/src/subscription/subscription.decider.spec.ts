import { given } from '../shared/testing/decider-specification';
import { subscriptionDecider } from './subscription.decider';
import { SubscriptionEvent } from './subscription.events';
import {
  ACTIVE_CUSTOMER,
  SIGNED_CONTRACT,
  activated,
  ACTIVATED_ON,
  discountGranted,
  extraChargeAdded,
  HISTORIES,
  migrated,
  requested,
  SUBSCRIPTION_CONTRACT_ID,
  SUBSCRIPTION_CUSTOMER_ID,
  SUBSCRIPTION_NOW,
  subscriptionCommand,
  subscriptionEvent,
  subscriptionIds,
  suspended,
} from './testing/subscription.fixtures';

const subscription = given(subscriptionDecider);
const request = (data: Partial<Parameters<typeof subscriptionCommand<'RequestSubscription'>>[1]>) =>
  subscriptionCommand('RequestSubscription', {
    contractId: SUBSCRIPTION_CONTRACT_ID,
    customerId: SUBSCRIPTION_CUSTOMER_ID,
    contract: SIGNED_CONTRACT,
    customer: ACTIVE_CUSTOMER,
    tariff: 'Fibra 300',
    monthlyPriceCents: 2990,
    billingMode: 'advance',
    ...data,
  });
const active = (...more: SubscriptionEvent[]) => subscription([...HISTORIES.active, ...more]);
const pending = (...more: SubscriptionEvent[]) =>
  subscription([...HISTORIES['pending-activation'], ...more]);

describe('Subscription decider', () => {
  describe('requesting', () => {
    it('requests a subscription on a contract, pending activation, dated now by default', () => {
      subscription()
        .when(request({ tariff: ' Fibra 300 ' }))
        .then([requested({ requestedAt: SUBSCRIPTION_NOW })]);
    });

    it('keeps a request date given, billed in arrears', () => {
      subscription()
        .when(request({ billingMode: 'arrears', requestedAt: '2025-01-20' }))
        .then([requested({ billingMode: 'arrears', requestedAt: '2025-01-20' })]);
    });

    it('accepts a zero price: the cycle simulation flags it (R12)', () => {
      subscription()
        .when(request({ monthlyPriceCents: 0 }))
        .then([requested({ monthlyPriceCents: 0, requestedAt: SUBSCRIPTION_NOW })]);
    });

    it.each([-1, 29.9, Number.NaN, Number.MAX_SAFE_INTEGER + 1])(
      'refuses the price %p: a reduction is a discount, and money is whole cents',
      (monthlyPriceCents) => {
        subscription()
          .when(request({ monthlyPriceCents }))
          .thenRefuses('SUBSCRIPTION.INVALID_INPUT', {
            details: [{ field: 'monthlyPriceCents' }],
          });
      },
    );

    it('lists every problem of the request at once', () => {
      subscription()
        .when(
          request({
            contractId: '',
            customerId: ' ',
            tariff: '',
            monthlyPriceCents: -100,
            billingMode: 'yearly' as 'advance',
            requestedAt: 'yesterday',
          }),
        )
        .thenRefuses('SUBSCRIPTION.INVALID_INPUT', {
          details: [
            { field: 'contractId' },
            { field: 'customerId' },
            { field: 'tariff' },
            { field: 'monthlyPriceCents' },
            { field: 'billingMode', message: expect.stringMatching(/advance, arrears/) },
            { field: 'requestedAt' },
          ],
        });
    });

    // The contract and its customer live in other streams: the handler reads them in as facts.
    it('refuses a contract never drafted (CONTRACT.NOT_FOUND), writing nothing', () => {
      subscription()
        .when(request({ contract: { status: 'none' } }))
        .thenRefuses('CONTRACT.NOT_FOUND', { message: /No contract contract-of-subscription/ });
    });

    it.each(['terminated', 'deleted'] as const)(
      'refuses a %s contract (CONTRACT.CLOSED)',
      (status) => {
        subscription()
          .when(request({ contract: { status } }))
          .thenRefuses('CONTRACT.CLOSED', {
            message: `A ${status} contract cannot get new subscriptions.`,
          });
      },
    );

    it('requests on a draft contract as on a signed one', () => {
      subscription()
        .when(request({ contract: { status: 'draft' } }))
        .then([requested({ requestedAt: SUBSCRIPTION_NOW })]);
    });

    it('refuses a request for an inactive customer (SUBSCRIPTION.CUSTOMER_INACTIVE)', () => {
      subscription()
        .when(request({ customer: { status: 'inactive' } }))
        .thenRefuses('SUBSCRIPTION.CUSTOMER_INACTIVE', { message: /Reactivate the customer/ });
    });

    it('refuses to request the same subscription twice', () => {
      pending()
        .when(request({}))
        .thenRefuses('SUBSCRIPTION.ALREADY_REQUESTED', { message: /use a new id/ });
    });

    it('refuses any other command on a subscription never requested', () => {
      subscription()
        .when(subscriptionCommand('ActivateSubscription', {}))
        .thenRefuses('SUBSCRIPTION.NOT_FOUND', { message: /request it before/ });
    });
  });

  describe('when pending activation', () => {
    it('activates, on the date given or now', () => {
      pending()
        .when(subscriptionCommand('ActivateSubscription', { activatedAt: ACTIVATED_ON }))
        .then([activated()]);
      pending()
        .when(subscriptionCommand('ActivateSubscription', {}))
        .then([activated(SUBSCRIPTION_NOW)]);
    });

    it('refuses to activate for an inactive customer: it would be invoiced', () => {
      pending()
        .when(subscriptionCommand('ActivateSubscription', { customer: { status: 'inactive' } }))
        .thenRefuses('SUBSCRIPTION.CUSTOMER_INACTIVE', {
          message: /Customer customer-of-subscription is inactive/,
        });
      pending()
        .when(subscriptionCommand('ActivateSubscription', { customer: ACTIVE_CUSTOMER }))
        .then([activated(SUBSCRIPTION_NOW)]);
    });

    it('refuses an activation dated before the request', () => {
      pending()
        .when(subscriptionCommand('ActivateSubscription', { activatedAt: '2025-01-19' }))
        .thenRefuses('SUBSCRIPTION.INVALID_INPUT', { details: [{ field: 'activatedAt' }] });
      pending()
        .when(subscriptionCommand('ActivateSubscription', { activatedAt: '2025-01-20' }))
        .then([activated('2025-01-20')]);
    });

    it('records a past activation (a migration) and one planned for a later day', () => {
      pending()
        .when(subscriptionCommand('ActivateSubscription', { activatedAt: '2025-01-25' }))
        .then([activated('2025-01-25')]);
      pending()
        .when(subscriptionCommand('ActivateSubscription', { activatedAt: '2025-03-02' }))
        .then([activated('2025-03-02')]);
      pending()
        .when(subscriptionCommand('ActivateSubscription', { activatedAt: '2025-03-01' }))
        .then([activated('2025-03-01')]);
    });

    it('refuses an activation dated before its contract was signed', () => {
      const contract = { signedAt: '2025-01-25T10:00:00.000Z' };
      pending()
        .when(subscriptionCommand('ActivateSubscription', { activatedAt: '2025-01-24', contract }))
        .thenRefuses('SUBSCRIPTION.INVALID_INPUT', {
          message: /before its contract was signed/,
          details: [{ field: 'activatedAt' }],
        });
      pending()
        .when(subscriptionCommand('ActivateSubscription', { activatedAt: '2025-01-25', contract }))
        .then([activated('2025-01-25')]);
      pending()
        .when(
          subscriptionCommand('ActivateSubscription', {
            activatedAt: '2025-01-24',
            contract: { signedAt: null },
          }),
        )
        .then([activated('2025-01-24')]);
    });

    it('refuses an activation date that is not ISO-8601', () => {
      pending()
        .when(subscriptionCommand('ActivateSubscription', { activatedAt: '01/02/2025' }))
        .thenRefuses('SUBSCRIPTION.INVALID_INPUT', { details: [{ field: 'activatedAt' }] });
    });

    it('rejects, with a reason', () => {
      pending()
        .when(subscriptionCommand('RejectSubscription', { reason: ' no coverage ' }))
        .then([
          subscriptionEvent('SubscriptionRejected', {
            reason: 'no coverage',
            rejectedAt: SUBSCRIPTION_NOW,
          }),
        ]);
      pending()
        .when(subscriptionCommand('RejectSubscription', { reason: '  ' }))
        .thenRefuses('SUBSCRIPTION.INVALID_INPUT', { details: [{ field: 'reason' }] });
    });

    it('cancels, with or without a reason', () => {
      pending()
        .when(subscriptionCommand('CancelSubscription', { cancelledAt: '2025-01-25' }))
        .then([
          subscriptionEvent('SubscriptionCancelled', { reason: null, cancelledAt: '2025-01-25' }),
        ]);
    });
  });

  describe('when active', () => {
    it('moves to active-not-billable, the reason optional', () => {
      active()
        .when(
          subscriptionCommand('MoveSubscriptionToActiveNotBillable', { reason: 'company line' }),
        )
        .then([
          subscriptionEvent('SubscriptionMovedToActiveNotBillable', {
            reason: 'company line',
            movedAt: SUBSCRIPTION_NOW,
          }),
        ]);
      active()
        .when(subscriptionCommand('MoveSubscriptionToActiveNotBillable', {}))
        .then([
          subscriptionEvent('SubscriptionMovedToActiveNotBillable', {
            reason: null,
            movedAt: SUBSCRIPTION_NOW,
          }),
        ]);
    });

    it('suspends, with a reason', () => {
      active()
        .when(subscriptionCommand('SuspendSubscription', { reason: 'unpaid invoices' }))
        .then([
          subscriptionEvent('SubscriptionSuspended', {
            reason: 'unpaid invoices',
            suspendedAt: SUBSCRIPTION_NOW,
            suspendedBy: 'operator',
          }),
        ]);
      active()
        .when(subscriptionCommand('SuspendSubscription', { reason: '' }))
        .thenRefuses('SUBSCRIPTION.INVALID_INPUT', { details: [{ field: 'reason' }] });
    });

    it('cancels on the date given, refusing one that is not a date', () => {
      active()
        .when(
          subscriptionCommand('CancelSubscription', {
            cancelledAt: '2025-03-31T22:00:00Z',
            reason: ' moving ',
          }),
        )
        .then([
          subscriptionEvent('SubscriptionCancelled', {
            reason: 'moving',
            cancelledAt: '2025-03-31T22:00:00Z',
          }),
        ]);
      active()
        .when(subscriptionCommand('CancelSubscription', { cancelledAt: 'end of month' }))
        .thenRefuses('SUBSCRIPTION.INVALID_INPUT', { details: [{ field: 'cancelledAt' }] });
    });
  });

  describe('when active-not-billable or suspended', () => {
    it('moves back to active (billable)', () => {
      subscription(HISTORIES['active-not-billable'])
        .when(subscriptionCommand('MoveSubscriptionToActiveBillable', {}))
        .then([
          subscriptionEvent('SubscriptionMovedToActiveBillable', { movedAt: SUBSCRIPTION_NOW }),
        ]);
    });

    it('resumes a suspended subscription', () => {
      subscription(HISTORIES.suspended)
        .when(subscriptionCommand('ResumeSubscription', {}))
        .then([subscriptionEvent('SubscriptionResumed', { resumedAt: SUBSCRIPTION_NOW })]);
    });

    it.each([
      ['active-not-billable', 'MoveSubscriptionToActiveBillable', 'made billable'],
      ['suspended', 'ResumeSubscription', 'resumed'],
    ] as const)(
      'refuses to make a %s subscription of an inactive customer invoiced again (%s)',
      (state, type, done) => {
        subscription(HISTORIES[state])
          .when(subscriptionCommand(type, { customer: { status: 'inactive' } }))
          .thenRefuses('SUBSCRIPTION.CUSTOMER_INACTIVE', {
            message: new RegExp(`cannot be ${done}\\. Reactivate the customer`),
          });
        subscription(HISTORIES[state])
          .when(subscriptionCommand(type, { customer: ACTIVE_CUSTOMER }))
          .then([expect.objectContaining({ type: expect.stringMatching(/Billable|Resumed/) })]);
      },
    );
  });

  describe('migrating the tariff (R10)', () => {
    const migrate = (tariff: string, monthlyPriceCents: number, effectiveDate: string) =>
      subscriptionCommand('MigrateSubscriptionTariff', {
        tariff,
        monthlyPriceCents,
        effectiveDate,
      });

    it('records the previous tariff and price, so billing can credit the unused days', () => {
      active()
        .when(migrate('Fibra 600', 3990, '2025-02-15'))
        .then([migrated({ migratedAt: SUBSCRIPTION_NOW })]);
    });

    it('numbers migrations and chains them from the current tariff', () => {
      active(migrated())
        .when(migrate('Fibra 1G', 4990, '2025-03-01'))
        .then([
          migrated({
            migrationNumber: 2,
            previousTariff: 'Fibra 600',
            previousMonthlyPriceCents: 3990,
            previousEffectiveFrom: '2025-02-15',
            tariff: 'Fibra 1G',
            monthlyPriceCents: 4990,
            effectiveDate: '2025-03-01',
            migratedAt: SUBSCRIPTION_NOW,
          }),
        ]);
    });

    it('migrates a suspended subscription too, carrying its billing mode', () => {
      const inArrears = [requested({ billingMode: 'arrears' }), activated(), suspended()];
      const [event] = subscriptionDecider.decide(
        migrate('Fibra 600', 3990, '2025-02-20'),
        subscription(inArrears).state(),
      );
      expect(event.data).toMatchObject({ billingMode: 'arrears', migrationNumber: 1 });
    });

    it('accepts the current tariff’s own first day', () => {
      active()
        .when(migrate('Fibra 600', 3990, ACTIVATED_ON))
        .then([migrated({ effectiveDate: ACTIVATED_ON, migratedAt: SUBSCRIPTION_NOW })]);
    });

    it('refuses an effective date before the current tariff took effect', () => {
      active()
        .when(migrate('Fibra 600', 3990, '2025-01-31'))
        .thenRefuses('SUBSCRIPTION.MIGRATION_BACKDATED', {
          message: /cannot take effect on 2025-01-31.*took effect on 2025-02-01/,
          details: [{ field: 'effectiveDate' }],
        });
      active(migrated())
        .when(migrate('Fibra 1G', 4990, '2025-02-14'))
        .thenRefuses('SUBSCRIPTION.MIGRATION_BACKDATED', { message: /"Fibra 600"/ });
    });

    it('changes nothing when the tariff and price are already current', () => {
      active()
        .when(migrate('Fibra 300', 2990, '2025-03-01'))
        .thenNothingHappens();
    });

    it('migrates a price change alone', () => {
      const [event] = subscriptionDecider.decide(
        migrate('Fibra 300', 0, '2025-03-01'),
        active().state(),
      );
      expect(event.data).toMatchObject({ tariff: 'Fibra 300', monthlyPriceCents: 0 });
    });

    it('refuses a blank tariff, a negative price and an effective date that is not a day', () => {
      active()
        .when(migrate(' ', -1, '2025-03-01T00:00:00Z'))
        .thenRefuses('SUBSCRIPTION.INVALID_INPUT', {
          details: [
            { field: 'tariff' },
            { field: 'monthlyPriceCents' },
            { field: 'effectiveDate', message: expect.stringMatching(/YYYY-MM-DD/) },
          ],
        });
    });
  });

  describe('discounts ("bonificaciones")', () => {
    const grant = (data: {
      percent?: number | null;
      amountCents?: number | null;
      from?: string;
      until?: string | null;
      discountId?: string;
    }) => subscriptionCommand('GrantDiscount', { discountId: 'd-1', from: '2025-02-01', ...data });

    it('grants a percentage for a period', () => {
      pending()
        .when(grant({ percent: 50, until: '2025-04-30' }))
        .then([
          {
            ...discountGranted(),
            data: { ...discountGranted().data, grantedAt: SUBSCRIPTION_NOW },
          },
        ]);
    });

    it('grants a fixed amount, open-ended', () => {
      active()
        .when(grant({ amountCents: 500, percent: null }))
        .then([
          subscriptionEvent('DiscountGranted', {
            discountId: 'd-1',
            percent: null,
            amountCents: 500,
            from: '2025-02-01',
            until: null,
            grantedAt: SUBSCRIPTION_NOW,
          }),
        ]);
    });

    it.each([
      ['both a percentage and an amount', { percent: 10, amountCents: 100 }, 'percent'],
      ['neither', {}, 'percent'],
      ['a zero percentage', { percent: 0 }, 'percent'],
      ['more than 100 %', { percent: 100.01 }, 'percent'],
      ['three decimals', { percent: 10.555 }, 'percent'],
      ['a zero amount', { amountCents: 0 }, 'amountCents'],
      ['a negative amount', { amountCents: -5 }, 'amountCents'],
      ['fractional cents', { amountCents: 1.5 }, 'amountCents'],
      ['a start that is not a day', { percent: 10, from: 'March' }, 'from'],
      ['an end that is not a day', { percent: 10, until: '2025-02-30' }, 'until'],
      ['an end before the start', { percent: 10, until: '2025-01-31' }, 'until'],
      [
        'no day at all: until is the first day not discounted',
        { percent: 10, until: '2025-02-01' },
        'until',
      ],
    ])('refuses %s', (_case, data, field) => {
      active()
        .when(grant(data))
        .thenRefuses('SUBSCRIPTION.INVALID_INPUT', { details: [{ field }] });
    });

    it('accepts 100 % and two decimals', () => {
      for (const percent of [100, 12.5, 0.01])
        expect(subscriptionDecider.decide(grant({ percent }), active().state())).toHaveLength(1);
    });

    it('refuses a discount id already granted', () => {
      active(discountGranted())
        .when(grant({ percent: 10 }))
        .thenRefuses('SUBSCRIPTION.DISCOUNT_ALREADY_GRANTED');
    });
  });

  describe('extra charges ("importes adicionales")', () => {
    const add = (data: Partial<Parameters<typeof subscriptionCommand<'AddExtraCharge'>>[1]>) =>
      subscriptionCommand('AddExtraCharge', {
        chargeId: 'x-1',
        amountCents: 500,
        description: ' Router rental ',
        recurring: true,
        ...data,
      });

    it('adds a recurring charge from the next cycle', () => {
      pending()
        .when(add({}))
        .then([
          {
            ...extraChargeAdded(),
            data: { ...extraChargeAdded().data, addedAt: SUBSCRIPTION_NOW },
          },
        ]);
    });

    it('adds a one-off charge from a day', () => {
      const [event] = subscriptionDecider.decide(
        add({ recurring: false, from: '2025-03-10', description: 'Installation' }),
        subscription(HISTORIES.suspended).state(),
      );
      expect(event).toEqual(
        subscriptionEvent('ExtraChargeAdded', {
          chargeId: 'x-1',
          amountCents: 500,
          description: 'Installation',
          recurring: false,
          from: '2025-03-10',
          addedAt: SUBSCRIPTION_NOW,
        }),
      );
    });

    it('refuses a charge that is not positive whole cents, undescribed, undecided or undated', () => {
      active()
        .when(
          add({
            amountCents: 0,
            description: '',
            recurring: 'yes' as unknown as boolean,
            from: '10/03/2025',
          }),
        )
        .thenRefuses('SUBSCRIPTION.INVALID_INPUT', {
          details: [
            { field: 'amountCents' },
            { field: 'description' },
            { field: 'recurring' },
            { field: 'from' },
          ],
        });
    });

    it('refuses a charge id already added', () => {
      active(extraChargeAdded())
        .when(add({}))
        .thenRefuses('SUBSCRIPTION.EXTRA_CHARGE_ALREADY_ADDED');
    });
  });

  it('treats a command decided on another subscription’s state as a bug, not a refusal', () => {
    const other = subscriptionCommand('ResumeSubscription', { subscriptionId: 'another' });
    expect(() => subscriptionDecider.decide(other, active().state())).toThrow(
      /decided on the state of subscription subscription-under-test/,
    );
  });

  it('names the subscription, its contract and its customer on every event', () => {
    const [event] = subscriptionDecider.decide(
      subscriptionCommand('SuspendSubscription', { reason: 'x' }),
      active().state(),
    );
    expect(event.data).toMatchObject(subscriptionIds);
  });
});
