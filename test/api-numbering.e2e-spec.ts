import { BillingFixtures, recentMonths, operator } from './support/billing-fixtures';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';

const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };
const [PERIOD] = recentMonths(1);

/** A field naming a log position, a stream version or a revision (`nextFromPosition`, …). */
const NUMBERING_KEY = /(^|[a-z])(position|Position|version|Version|revision|Revision)$|^blockedBy$/;

/** Every value under a numbering key in `value`, however deep, with where it was. */
function numberingFields(value: unknown, path = '$'): { path: string; value: unknown }[] {
  if (Array.isArray(value))
    return value.flatMap((item, i) => numberingFields(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => [
    ...(NUMBERING_KEY.test(key) ? [{ path: `${path}.${key}`, value: item }] : []),
    ...numberingFields(item, `${path}.${key}`),
  ]);
}

describe('one numbering of versions and positions in every answer', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  const http = () => given.http();

  beforeAll(async () => {
    testApp = await startTestApp();
    given = new BillingFixtures(testApp);
  });
  afterAll(() => testApp.close());

  /** Asserts the request wrote nothing, and returns its answer. */
  async function refusedWithoutWriting<T>(send: () => Promise<T>): Promise<T> {
    const before = await countEvents(testApp);
    const answer = await send();
    expect(await countEvents(testApp)).toBe(before);
    return answer;
  }

  it('a stale If-Match is a 409 naming expected and actual in the versions commands answer', async () => {
    const created = await given.post('/customers', { personType: 'legal', name: 'Tres SL' }, 201);
    const id = created.body.id as string;
    const edit = (ifMatch: string, body: object) =>
      http()
        .patch(`/api/customers/${id}`)
        .set({ ...operator, 'If-Match': ifMatch })
        .send(body);
    expect((await edit('1', { zone: 'north' }).expect(200)).body.version).toBe(2);
    const third = given.track(await edit('2', { observations: 'VIP' }).expect(200));
    expect(third.body.version).toBe(3);

    // The repro: If-Match 1 after version 3 answered expected "0", actual "2".
    const behind = await refusedWithoutWriting(() => edit('1', { zone: 'east' }).expect(409));
    expect(behind.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    expect(behind.body.details).toEqual([{ code: 'STALE_VERSION', expected: 1, actual: 3 }]);
    const ahead = await refusedWithoutWriting(() => edit('7', { zone: 'east' }).expect(409));
    expect(ahead.body.details).toEqual([{ code: 'STALE_VERSION', expected: 7, actual: 3 }]);

    // The customer file says the same version, so a client can send it back as it reads it.
    const file = await http().get(`/api/customers/${id}`).set(given.readAfterWrites()).expect(200);
    expect(file.body).toMatchObject({ version: 3, lastRevision: 2 });
    const fourth = await edit(String(file.body.version), { zone: 'east' }).expect(200);
    expect(fourth.body.version).toBe(4);
  });

  it('contracts, subscriptions and invoices answer their 409s in the same versions', async () => {
    const { customerId, contractId } = await given.billedContract('NUM');
    const contract = await http()
      .get(`/api/contracts/${contractId}`)
      .set(given.readAfterWrites())
      .expect(200);
    // Drafted and signed: version 2.
    expect(contract.body).toMatchObject({ version: 2, lastRevision: 1 });
    const subscription = contract.body.subscriptions[0];
    expect(subscription).toMatchObject({ version: 2, lastRevision: 1 });

    const staleTerminate = await refusedWithoutWriting(() =>
      http()
        .post(`/api/contracts/${contractId}/terminate`)
        .set({ ...operator, 'If-Match': '1' })
        .send({ reason: 'Moved abroad' })
        .expect(409),
    );
    expect(staleTerminate.body.details).toEqual([
      { code: 'STALE_VERSION', expected: 1, actual: 2 },
    ]);
    const staleSuspend = await refusedWithoutWriting(() =>
      http()
        .post(`/api/subscriptions/${subscription.id}/suspend`)
        .set({ ...operator, 'If-Match': '0' })
        .send({ reason: 'Unpaid' })
        .expect(409),
    );
    expect(staleSuspend.body.details).toEqual([{ code: 'STALE_VERSION', expected: 0, actual: 2 }]);

    const run = given.track(
      await http()
        .post('/api/billing/runs')
        .set(operator)
        .send({ period: PERIOD, customerIds: [customerId] })
        .expect(201),
    );
    const invoiceId = run.body.issued[0].invoiceId as string;
    const invoice = await http()
      .get(`/api/invoices/${invoiceId}`)
      .set(given.readAfterWrites())
      .expect(200);
    const invoiceVersion = invoice.body.lastRevision + 1;
    const stalePayment = await refusedWithoutWriting(() =>
      http()
        .post(`/api/invoices/${invoiceId}/payments`)
        .set({ ...operator, 'If-Match': String(invoiceVersion + 1) })
        .send({ amountCents: 100, method: 'transfer' })
        .expect(409),
    );
    expect(stalePayment.body.details).toEqual([
      { code: 'STALE_VERSION', expected: invoiceVersion + 1, actual: invoiceVersion },
    ]);
    const paid = await http()
      .post(`/api/invoices/${invoiceId}/payments`)
      .set({ ...operator, 'If-Match': String(invoiceVersion) })
      .send({ amountCents: 100, method: 'transfer' })
      .expect(201);
    // The payment and, by rule 17, the direct-debit effect it lowered: two events.
    expect(paid.body.version).toBe(invoiceVersion + 2);
  });

  it('every position, version and revision any query answers is a JSON number', async () => {
    const { customerId, contractId } = await given.billedContract('POS');
    const interaction = given.track(
      await http()
        .post(`/api/customers/${customerId}/interactions`)
        .set(operator)
        .send({ kind: 'call', text: 'Asked for the invoice' })
        .expect(201),
    );
    const bulk = given.track(
      await http()
        .post('/api/customers/bulk-update')
        .set(operator)
        .send({ customerIds: [customerId], changes: { zone: 'south' } })
        .expect(200),
    );
    const simulation = await http()
      .post('/api/billing/simulations')
      .set(given.readAfterWrites())
      .send({ cycles: 1, customerIds: [customerId], from: `${PERIOD}-01` })
      .expect(200);
    const run = given.track(
      await http()
        .post('/api/billing/runs')
        .set(operator)
        .send({ period: PERIOD, customerIds: [customerId] })
        .expect(201),
    );
    const invoiceId = run.body.issued[0].invoiceId as string;
    given.track(
      await http()
        .post(`/api/invoices/${invoiceId}/payments`)
        .set(operator)
        .send({ amountCents: 500, method: 'transfer' })
        .expect(201),
    );
    const read = (path: string, headers: Record<string, string> = given.readAfterWrites()) =>
      http().get(`/api${path}`).set(headers).expect(200);
    const subscriptionId = (await read(`/contracts/${contractId}`)).body.subscriptions[0].id;

    const answers: Record<string, unknown> = {
      file: (await read(`/customers/${customerId}`)).body,
      list: (await read(`/customers?q=Facturada`)).body,
      history: (await read(`/customers/${customerId}/history?pageSize=100`)).body,
      contracts: (await read(`/customers/${customerId}/contracts`)).body,
      contract: (await read(`/contracts/${contractId}`)).body,
      subscription: (await read(`/subscriptions/${subscriptionId}`)).body,
      invoices: (await read(`/customers/${customerId}/invoices`)).body,
      invoice: (await read(`/invoices/${invoiceId}`)).body,
      account: (await read(`/customers/${customerId}/account`)).body,
      state: (await read(`/customers/${customerId}/state`, auditor)).body,
      events: (await read(`/audit/events?stream=customer-${customerId}`, auditor)).body,
      log: (await read(`/audit/events?limit=5`, auditor)).body,
      failures: (await read('/audit/projection-failures', auditor)).body,
      bulkUpdate: bulk.body,
      simulation: simulation.body,
      billingRun: run.body,
    };
    const found = Object.entries(answers).flatMap(([name, body]) => numberingFields(body, name));
    const notNumbers = found.filter(({ value }) => value !== null && typeof value !== 'number');
    expect(notNumbers).toEqual([]);
    // The scan saw the fields the issue names, so it cannot pass by finding nothing.
    const paths = found.map(({ path }) => path);
    const expected = [
      'history',
      'events',
      'log',
      'account',
      'state',
      'file',
      'contract',
      'bulkUpdate',
    ];
    for (const name of expected) {
      expect(paths.some((path) => path.startsWith(`${name}.`))).toBe(true);
    }

    // The history tab's positions are the positions the commands answered, as numbers.
    const history = answers.history as { items: { position: number; eventType: string }[] };
    expect(history.items.map((item) => item.position)).toContain(interaction.body.position);
    const positions = history.items.map((item) => item.position);
    expect(positions).toEqual([...positions].sort((a, b) => b - a));
  });
});
