import {
  discountsOf,
  extraChargesOf,
  foldEvents,
  isBillable,
  SubscriptionEvent,
  subscriptionDecider,
  subscriptionStream,
  tariffTimeline,
} from '@app/domain';
import { CustomerLog, databaseName } from '../customers/testing/customer-log';
import { findSubscription } from './contract.queries';
import { CustomerSubscriptionRow } from './customer-subscription.entity';
import { customerSubscriptionsProjection } from './customer-subscriptions.projection';
import { contractProjections } from '.';
import { requestSubscription, runSubscription, signedContract } from './testing/contract-log';

describe(`CustomerSubscriptionsProjection on ${databaseName}`, () => {
  let log: CustomerLog;
  let customerId: string;
  let contractId: string;
  beforeEach(async () => {
    log = await CustomerLog.open('customer_subscriptions');
    customerId = await log.register(1);
    contractId = await signedContract(log, customerId);
  });
  afterEach(() => log.close());

  const project = () => log.project(contractProjections());
  const subscriptionOf = async (id: string) => (await findSubscription(log.dataSource, id))!;
  const rowOf = (id: string) =>
    log.dataSource.getRepository(CustomerSubscriptionRow).findOneByOrFail({ id });
  const request = (input = {}) => requestSubscription(log, contractId, customerId, input);
  const run = (
    type: Parameters<typeof runSubscription>[1],
    subscriptionId: string,
    data: object = {},
    at?: string,
  ) => runSubscription(log, type, { subscriptionId, ...data } as never, at ? { at } : {});

  /** The domain's own state of the subscription, folded from the same log. */
  const domainStateOf = async (id: string) =>
    foldEvents(
      subscriptionDecider,
      (await log.store.readStream(subscriptionStream(id))) as unknown as SubscriptionEvent[],
    );

  describe('when a subscription is requested', () => {
    it('is pending activation: neither billable nor in service, priced from the request day', async () => {
      const id = await request({ requestedAt: '2025-01-15' });
      await project();
      expect(await subscriptionOf(id)).toEqual({
        id,
        contractId,
        customerId,
        status: 'pending-activation',
        billable: false,
        serviceActive: false,
        tariff: 'Fibra 300',
        monthlyPriceCents: 2990,
        billingMode: 'advance',
        tariffTimeline: [
          { tariff: 'Fibra 300', monthlyPriceCents: 2990, effectiveFrom: '2025-01-15' },
        ],
        discounts: [],
        extraCharges: [],
        requestedAt: '2025-01-15',
        activatedAt: null,
        statusSince: '2025-01-15',
        statusReason: null,
        suspendedBy: null,
        lastRevision: 0,
        version: 1,
        updatedAt: expect.any(String),
        lastModifiedBy: 'operator-1',
      });
    });
  });

  describe('rule R5: every state and what it means', () => {
    it('is active, billable and in service once activated, priced from the activation day', async () => {
      const id = await request({ requestedAt: '2025-01-15' });
      await run('ActivateSubscription', id, { activatedAt: '2025-02-01' });
      await project();
      expect(await subscriptionOf(id)).toMatchObject({
        status: 'active',
        billable: true,
        serviceActive: true,
        activatedAt: '2025-02-01',
        statusSince: '2025-02-01',
        tariffTimeline: [
          { tariff: 'Fibra 300', monthlyPriceCents: 2990, effectiveFrom: '2025-02-01' },
        ],
        lastRevision: 1,
      });
    });

    it('keeps the service on without billing when active-not-billable, and back', async () => {
      const id = await request();
      await run('ActivateSubscription', id);
      await run(
        'MoveSubscriptionToActiveNotBillable',
        id,
        { reason: 'company line' },
        '2025-02-03T10:00:00.000Z',
      );
      await project();
      expect(await subscriptionOf(id)).toMatchObject({
        status: 'active-not-billable',
        billable: false,
        serviceActive: true,
        statusSince: '2025-02-03T10:00:00.000Z',
        statusReason: 'company line',
      });

      await run('MoveSubscriptionToActiveBillable', id, {}, '2025-02-10T10:00:00.000Z');
      await project();
      expect(await subscriptionOf(id)).toMatchObject({
        status: 'active',
        billable: true,
        serviceActive: true,
        statusSince: '2025-02-10T10:00:00.000Z',
        statusReason: null,
      });
    });

    it('stops service and billing while suspended, and resumes', async () => {
      const id = await request();
      await run('ActivateSubscription', id, { activatedAt: '2025-01-01' });
      await run('SuspendSubscription', id, { reason: 'unpaid' });
      await project();
      expect(await subscriptionOf(id)).toMatchObject({
        status: 'suspended',
        billable: false,
        serviceActive: false,
        statusReason: 'unpaid',
        suspendedBy: 'operator',
        activatedAt: '2025-01-01',
      });

      await run('ResumeSubscription', id);
      await project();
      expect(await subscriptionOf(id)).toMatchObject({
        status: 'active',
        billable: true,
        serviceActive: true,
        statusReason: null,
        activatedAt: '2025-01-01',
      });
    });

    it('reads a suspension stored at v1 (before rule R20) as suspended by an operator', async () => {
      const id = await request();
      await run('ActivateSubscription', id, { activatedAt: '2025-01-01' });
      await log.store.append(subscriptionStream(id), [
        {
          type: 'SubscriptionSuspended',
          data: {
            subscriptionId: id,
            contractId,
            customerId,
            reason: 'unpaid',
            suspendedAt: '2025-02-01T09:00:00.000Z',
          },
          metadata: { actor: 'legacy', correlationId: 'v1-suspension', schemaVersion: 1 },
        },
      ]);
      const [stored] = (await log.store.readStream(subscriptionStream(id))).slice(-1);
      expect(stored.metadata.schemaVersion).toBe(2);
      expect(stored.data).toMatchObject({ reason: 'unpaid', suspendedBy: 'operator' });
      await project();
      expect(await subscriptionOf(id)).toMatchObject({
        status: 'suspended',
        suspendedBy: 'operator',
      });
      expect(await domainStateOf(id)).toMatchObject({ suspendedBy: 'operator' });
    });

    it('is rejected from pending activation, with the reason', async () => {
      const id = await request();
      await run('RejectSubscription', id, { reason: 'no coverage' }, '2025-01-03T09:00:00.000Z');
      await project();
      expect(await subscriptionOf(id)).toMatchObject({
        status: 'rejected',
        billable: false,
        serviceActive: false,
        statusSince: '2025-01-03T09:00:00.000Z',
        statusReason: 'no coverage',
      });
    });

    it('is cancelled from pending activation or from a live state', async () => {
      const pending = await request();
      const live = await request();
      await run('CancelSubscription', pending, { cancelledAt: '2025-01-20' });
      await run('ActivateSubscription', live);
      await run('CancelSubscription', live, { reason: 'moved', cancelledAt: '2025-03-31' });
      await project();
      expect(await subscriptionOf(pending)).toMatchObject({
        status: 'cancelled',
        statusSince: '2025-01-20',
        statusReason: null,
        activatedAt: null,
        billable: false,
        serviceActive: false,
      });
      expect(await subscriptionOf(live)).toMatchObject({
        status: 'cancelled',
        statusSince: '2025-03-31',
        statusReason: 'moved',
        billable: false,
        serviceActive: false,
      });
      expect((await subscriptionOf(live)).activatedAt).not.toBeNull();
    });
  });

  describe('tariffs, discounts and extra charges', () => {
    it("follows tariff migrations as the domain's timeline does", async () => {
      const id = await request();
      await run('ActivateSubscription', id, { activatedAt: '2025-01-01' });
      await run('MigrateSubscriptionTariff', id, {
        tariff: 'Fibra 600',
        monthlyPriceCents: 3500,
        effectiveDate: '2025-02-15',
      });
      // On the current tariff's own first day: it replaces it.
      await run('MigrateSubscriptionTariff', id, {
        tariff: 'Fibra 1G',
        monthlyPriceCents: 4500,
        effectiveDate: '2025-02-15',
      });
      await run('MigrateSubscriptionTariff', id, {
        tariff: 'Fibra 300',
        monthlyPriceCents: 2500,
        effectiveDate: '2025-04-01',
      });
      await project();

      const subscription = await subscriptionOf(id);
      expect(subscription).toMatchObject({
        tariff: 'Fibra 300',
        monthlyPriceCents: 2500,
        tariffTimeline: [
          { tariff: 'Fibra 300', monthlyPriceCents: 2990, effectiveFrom: '2025-01-01' },
          { tariff: 'Fibra 1G', monthlyPriceCents: 4500, effectiveFrom: '2025-02-15' },
          { tariff: 'Fibra 300', monthlyPriceCents: 2500, effectiveFrom: '2025-04-01' },
        ],
        lastRevision: 4,
      });
      expect(subscription.tariffTimeline).toEqual(tariffTimeline(await domainStateOf(id)));
    });

    it('lists discounts and extra charges in the order given', async () => {
      const id = await request();
      await run('GrantDiscount', id, { discountId: 'd-1', percent: 10, from: '2025-01-01' });
      await run('ActivateSubscription', id);
      await run('GrantDiscount', id, {
        discountId: 'd-2',
        amountCents: 500,
        from: '2025-02-01',
        until: '2025-03-01',
      });
      await run('AddExtraCharge', id, {
        chargeId: 'x-1',
        amountCents: 1500,
        description: 'Router',
        recurring: false,
      });
      await run('AddExtraCharge', id, {
        chargeId: 'x-2',
        amountCents: 300,
        description: 'Static IP',
        recurring: true,
        from: '2025-02-01',
      });
      await project();

      const subscription = await subscriptionOf(id);
      expect(subscription.discounts.map((d) => [d.discountId, d.percent, d.amountCents])).toEqual([
        ['d-1', 10, null],
        ['d-2', null, 500],
      ]);
      expect(subscription.extraCharges.map((c) => [c.chargeId, c.recurring, c.from])).toEqual([
        ['x-1', false, null],
        ['x-2', true, '2025-02-01'],
      ]);
      const state = await domainStateOf(id);
      expect(subscription.discounts).toEqual(discountsOf(state));
      expect(subscription.extraCharges).toEqual(extraChargesOf(state));
      expect(subscription.billable).toBe(isBillable(state));
    });
  });

  describe('applying events again', () => {
    it('changes nothing: every revision already applied is skipped', async () => {
      const id = await request();
      await run('ActivateSubscription', id);
      await run('GrantDiscount', id, { discountId: 'd-1', percent: 10, from: '2025-01-01' });
      await run('AddExtraCharge', id, {
        chargeId: 'x-1',
        amountCents: 1500,
        description: 'Router',
        recurring: false,
      });
      await run('MigrateSubscriptionTariff', id, {
        tariff: 'Fibra 600',
        monthlyPriceCents: 3500,
        effectiveDate: '2025-03-01',
      });
      await project();
      const before = await rowOf(id);

      const projection = customerSubscriptionsProjection();
      const events = await log.allEvents();
      await log.dataSource.transaction(async (manager) => {
        for (const event of [...events, ...events]) await projection.applyBatch([event], manager);
      });
      expect(await rowOf(id)).toEqual(before);
      expect(before.discounts).toHaveLength(1);
      expect(before.extraCharges).toHaveLength(1);
      expect(before.tariffTimeline).toHaveLength(2);
    });
  });

  it('answers null for an unknown or malformed id', async () => {
    await project();
    expect(await findSubscription(log.dataSource, '0c1d2e3f-0000-4000-8000-000000000000')).toBe(
      null,
    );
    expect(await findSubscription(log.dataSource, 'subscription-1')).toBeNull();
  });
});
