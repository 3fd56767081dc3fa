import { randomUUID } from 'node:crypto';
import { BillingFixtures, operator } from './support/billing-fixtures';
import { countEvents, startTestApp, TestApp } from './support/test-app';

/*
 * A command that depends on another aggregate (a contract's customer, a subscription's contract
 * and customer) is decided by the domain on facts the handler reads from their streams: the
 * codes and statuses clients see are the ones they saw when the handlers refused themselves.
 */
describe('facts from other aggregates, decided by the domain', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  const http = () => given.http();

  beforeAll(async () => {
    testApp = await startTestApp();
    given = new BillingFixtures(testApp);
  });
  afterAll(() => testApp.close());

  /** Sends the command, expects the refusal and that nothing at all was written. */
  async function refused(path: string, body: object, status: number, code: string) {
    const before = await countEvents(testApp);
    const res = await http().post(`/api${path}`).set(operator).send(body).expect(status);
    expect(res.body.details[0].code).toBe(code);
    expect(await countEvents(testApp)).toBe(before);
    return res;
  }

  it('refuses a contract for a customer never registered (404) or deleted (422)', async () => {
    await refused(
      '/contracts',
      { customerId: randomUUID(), paymentMethod: 'transfer' },
      404,
      'CUSTOMER.NOT_FOUND',
    );
    const deleted = (await given.post('/customers', { personType: 'legal', name: 'Ida SL' }, 201))
      .body.id as string;
    given.track(await http().delete(`/api/customers/${deleted}`).set(operator).expect(200));
    const res = await refused(
      '/contracts',
      { customerId: deleted, paymentMethod: 'transfer' },
      422,
      'CUSTOMER.DELETED',
    );
    expect(res.body.message).toBe('A deleted customer cannot get a new contract.');
  });

  it('refuses a subscription on a contract never drafted (404) or terminated (422)', async () => {
    const subscription = { tariff: 'Fibra 300', monthlyPriceCents: 3000, billingMode: 'advance' };
    await refused(
      '/subscriptions',
      { ...subscription, contractId: randomUUID() },
      404,
      'CONTRACT.NOT_FOUND',
    );
    const customerId = await given.customer('FCT');
    const contractId = await given.signedContract(customerId);
    await given.post(`/contracts/${contractId}/terminate`, { reason: 'moved' }, 200);
    const res = await refused(
      '/subscriptions',
      { ...subscription, contractId },
      422,
      'CONTRACT.CLOSED',
    );
    expect(res.body.message).toBe('A terminated contract cannot get new subscriptions.');
  });

  it('refuses to request or activate a subscription of an inactive customer (SUBSCRIPTION.CUSTOMER_INACTIVE)', async () => {
    const customerId = await given.customer('FCU');
    const contractId = await given.signedContract(customerId);
    const subscription = { tariff: 'Fibra 300', monthlyPriceCents: 3000, billingMode: 'advance' };
    const pending = (await given.post('/subscriptions', { ...subscription, contractId }, 201)).body
      .id as string;
    // A subscription pending activation is not billed: the customer may be deactivated.
    await given.post(`/customers/${customerId}/deactivate`, { reason: 'moved' }, 200);

    await refused(
      '/subscriptions',
      { ...subscription, contractId },
      422,
      'SUBSCRIPTION.CUSTOMER_INACTIVE',
    );
    const res = await refused(
      `/subscriptions/${pending}/activate`,
      {},
      422,
      'SUBSCRIPTION.CUSTOMER_INACTIVE',
    );
    expect(res.body.message).toMatch(/Reactivate the customer first/);

    await given.post(`/customers/${customerId}/reactivate`, {}, 200);
    await given.post(`/subscriptions/${pending}/activate`, {}, 200);
  });

  it('refuses to resume or make billable again a subscription of an inactive customer', async () => {
    const customerId = await given.customer('FCV');
    const contractId = await given.signedContract(customerId);
    const subscription = { tariff: 'Fibra 300', monthlyPriceCents: 3000, billingMode: 'advance' };
    const active = async () => {
      const id = (await given.post('/subscriptions', { ...subscription, contractId }, 201)).body
        .id as string;
      await given.post(`/subscriptions/${id}/activate`, {}, 200);
      return id;
    };
    const suspended = await active();
    await given.post(`/subscriptions/${suspended}/suspend`, { reason: 'customer request' }, 200);
    const notBillable = await active();
    await given.post(`/subscriptions/${notBillable}/active-not-billable`, {}, 200);
    // Neither is billed, so the customer may be deactivated; making either billed again may not.
    await given.post(`/customers/${customerId}/deactivate`, { reason: 'moved' }, 200);

    const resumed = await refused(
      `/subscriptions/${suspended}/resume`,
      {},
      422,
      'SUBSCRIPTION.CUSTOMER_INACTIVE',
    );
    expect(resumed.body.message).toMatch(/cannot be resumed\. Reactivate the customer first/);
    const billable = await refused(
      `/subscriptions/${notBillable}/active-billable`,
      {},
      422,
      'SUBSCRIPTION.CUSTOMER_INACTIVE',
    );
    expect(billable.body.message).toMatch(/cannot be made billable\./);

    await given.post(`/customers/${customerId}/reactivate`, {}, 200);
    await given.post(`/subscriptions/${suspended}/resume`, {}, 200);
    await given.post(`/subscriptions/${notBillable}/active-billable`, {}, 200);
  });
});
