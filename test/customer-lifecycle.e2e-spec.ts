import { customerStream } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { BillingFixtures, recentMonths, operator } from './support/billing-fixtures';
import { recordE2eFigure } from './support/e2e-figures';
import { countEvents, startTestApp, TestApp } from './support/test-app';

const [PERIOD] = recentMonths(1);

describe('deactivating and deleting a customer with billing behind it (rules R6, R12)', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  const http = () => given.http();

  beforeAll(async () => {
    testApp = await startTestApp();
    given = new BillingFixtures(testApp);
  });
  afterAll(() => testApp.close());

  const deactivate = (customerId: string, status: number) =>
    http()
      .post(`/api/customers/${customerId}/deactivate`)
      .set(operator)
      .send({ reason: 'moved abroad' })
      .expect(status);

  it('refuses to deactivate while a subscription is billable, listing each; writes nothing', async () => {
    const { customerId, contractId } = await given.billedContract('DEA');
    const second = await given.activeSubscription(contractId, 1500);
    const before = await countEvents(testApp);

    const refused = await deactivate(customerId, 422);

    expect(refused.body.message).toMatch(/2 subscription\(s\) are still billable/);
    expect(refused.body.details).toHaveLength(2);
    expect(refused.body.details.map((d: { code: string }) => d.code)).toEqual([
      'CUSTOMER.BILLABLE_SUBSCRIPTIONS',
      'CUSTOMER.BILLABLE_SUBSCRIPTIONS',
    ]);
    expect(JSON.stringify(refused.body.details)).toContain(second);
    const written = (await countEvents(testApp)) - before;
    expect(written).toBe(0);
    recordE2eFigure(
      'deactivation-with-billable-subscriptions',
      'test/customer-lifecycle.e2e-spec.ts',
      'A customer is not deactivated while subscriptions are still billed (422 CUSTOMER.BILLABLE_SUBSCRIPTIONS listing each, nothing written); the simulation flags an inactive customer still billed by old events as R12.INACTIVE_CUSTOMER_BILLABLE (issue 16)',
      `a customer with 2 active subscriptions: ${refused.status}, ${refused.body.details.length} subscriptions listed, ${written} events written; deactivated once none is billable`,
    );
  });

  it('deactivates once no subscription is billable (not billable, suspended)', async () => {
    const customerId = await given.customer('DEB');
    const contractId = await given.signedContract(customerId);
    const notBillable = await given.activeSubscription(contractId, 3000);
    const suspended = await given.activeSubscription(contractId, 1500);
    await given.post(`/subscriptions/${notBillable}/active-not-billable`, {}, 200);
    await given.post(`/subscriptions/${suspended}/suspend`, { reason: 'unpaid' }, 200);

    const done = await deactivate(customerId, 200);
    expect(done.body).toMatchObject({ id: customerId, version: expect.any(Number) });
  });

  it('the simulation lists an inactive customer still billed (left by old events) as R12.INACTIVE_CUSTOMER_BILLABLE', async () => {
    const { customerId, contractId } = await given.billedContract('DEC');
    // As the service wrote it before deactivation was refused while anything was billable.
    const store = testApp.app.get<EventStore>(EVENT_STORE);
    const stream = customerStream(customerId);
    const written = await store.append(stream, [
      {
        type: 'CustomerDeactivated',
        data: { customerId, reason: null, deactivatedAt: new Date().toISOString() },
        metadata: { actor: 'legacy', correlationId: 'legacy-deactivation' },
      },
    ]);
    given.last = Math.max(given.last, Number(written.position));

    const simulated = await http()
      .post('/api/billing/simulations')
      .set(given.readAfterWrites())
      .send({ cycles: 1, customerIds: [customerId], from: `${PERIOD}-01` })
      .expect(200);

    const problem = simulated.body.problems.find(
      (p: { code: string }) => p.code === 'R12.INACTIVE_CUSTOMER_BILLABLE',
    );
    expect(problem).toMatchObject({
      customerId,
      contractId,
      subscriptionId: expect.any(String),
      blocksIssuance: false,
    });
  });

  it('refuses to delete a customer invoices were issued to, naming R6.INVOICES_ISSUED', async () => {
    const { customerId } = await given.billedContract('DED');
    const run = await given.post(
      '/billing/runs',
      { period: PERIOD, customerIds: [customerId] },
      201,
    );
    expect(run.body.issued).toHaveLength(1);

    const refused = await http().delete(`/api/customers/${customerId}`).set(operator).expect(422);

    const codes = refused.body.details.map((d: { code: string }) => d.code);
    expect(codes).toContain('R6.INVOICES_ISSUED');
    expect(refused.body.message).toMatch(/1 invoice\(s\) were issued/);
    recordE2eFigure(
      'deletion-with-invoices',
      'test/customer-lifecycle.e2e-spec.ts',
      'Deleting a customer invoices were issued to is refused naming R6.INVOICES_ISSUED, counted from the invoices view (issue 16)',
      `a customer with ${run.body.issued.length} invoice issued by a run: DELETE answered ${refused.status} with ${codes.join(', ')}`,
    );
  });
});
