import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { INVOICE_LINES, SNAPSHOT } from '@app/domain/invoice/testing/invoice.fixtures';
import { invoiceDecider, InvoiceCommand, invoiceStream, InvoiceState, totalsOf } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };
const IBAN = 'ES91 2100 0418 4502 0005 1332';
const OTHER_IBAN = 'ES79 2100 0813 6101 2345 6789';
/** occurredAt has millisecond precision: keep each step of a life on its own instant. */
const pause = () => new Promise((resolve) => setTimeout(resolve, 15));
const justBefore = (iso: string) => new Date(Date.parse(iso) - 1).toISOString();

describe('time travel: customers, contracts, subscriptions and invoices as of any point', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());
  const stateOf = (path: string, asOf?: string) =>
    http()
      .get(`/api/${path}/state`)
      .query(asOf === undefined ? {} : { asOf })
      .set(auditor)
      .expect(200)
      .then((res) => res.body);
  /** When each event of a stream happened, oldest first. */
  const instants = async (stream: string): Promise<string[]> =>
    (
      await http().get('/api/audit/events').query({ stream }).set(auditor).expect(200)
    ).body.items.map((event: { metadata: { occurredAt: string } }) => event.metadata.occurredAt);

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('folds a customer at each point of its life: registered, edited, billing changed, deactivated', async () => {
    const id = (
      await http()
        .post('/api/customers')
        .set(operator)
        .send({ personType: 'legal', name: 'Cronos SL', zone: 'Centro' })
        .expect(201)
    ).body.id as string;
    await pause();
    await http().patch(`/api/customers/${id}`).set(operator).send({ name: 'Cronos Telecom SL' });
    await pause();
    await http()
      .put(`/api/customers/${id}/billing-settings`)
      .set(operator)
      .send({ billingDay: 15, paymentMethod: 'direct_debit', iban: IBAN })
      .expect(200);
    await pause();
    await http().post(`/api/customers/${id}/deactivate`).set(operator).send({}).expect(200);
    const [registered, renamed, billing, deactivated] = await instants(`customer-${id}`);

    const atRegistration = await stateOf(`customers/${id}`, registered);
    expect(atRegistration).toMatchObject({
      kind: 'customer',
      version: 1,
      state: { status: 'active' },
    });
    expect(JSON.stringify(atRegistration.state)).toContain('Cronos SL');
    expect(JSON.stringify(atRegistration.state)).not.toContain('Cronos Telecom SL');

    const beforeBilling = await stateOf(`customers/${id}`, justBefore(billing));
    expect(beforeBilling.version).toBe(2);
    expect(beforeBilling.occurredAt).toBe(renamed);
    expect(JSON.stringify(beforeBilling.state)).toContain('Cronos Telecom SL');
    expect(JSON.stringify(beforeBilling.state)).not.toContain('2100');

    const withBilling = await stateOf(`customers/${id}`, billing);
    expect(withBilling).toMatchObject({ version: 3, state: { status: 'active' } });
    expect(JSON.stringify(withBilling.state)).toContain('"billingDay":15');

    expect((await stateOf(`customers/${id}`, justBefore(deactivated))).state.status).toBe('active');
    expect(await stateOf(`customers/${id}`, deactivated)).toMatchObject({
      version: 4,
      state: { status: 'inactive' },
    });
    expect(await stateOf(`customers/${id}`, '2')).toMatchObject({
      version: 2,
      occurredAt: renamed,
    });
    expect(await stateOf(`customers/${id}`, '0')).toMatchObject({
      version: 0,
      state: { status: 'unregistered' },
    });
  });

  it('folds a contract signature and a subscription as of each of their events', async () => {
    const customerId = (
      await http().post('/api/customers').set(operator).send({ name: 'Firma SL' }).expect(201)
    ).body.id as string;
    const contractId = (
      await http()
        .post('/api/contracts')
        .set(operator)
        .send({ customerId, paymentMethod: 'direct_debit' })
        .expect(201)
    ).body.id as string;
    await pause();
    await http()
      .post(`/api/contracts/${contractId}/sign`)
      .set(operator)
      .send({
        iban: IBAN,
        signatory: 'Ana',
        mandateReference: 'M-1',
        signedAt: '2026-01-10T10:00:00Z',
      })
      .expect(200);
    await pause();
    await http()
      .put(`/api/contracts/${contractId}/iban`)
      .set(operator)
      .send({ iban: OTHER_IBAN, mandateReference: 'M-2' })
      .expect(200);
    const subscriptionId = (
      await http()
        .post('/api/subscriptions')
        .set(operator)
        .send({ contractId, tariff: 'Fibra 600', monthlyPriceCents: 3500, billingMode: 'advance' })
        .expect(201)
    ).body.id as string;
    await pause();
    await http()
      .post(`/api/subscriptions/${subscriptionId}/activate`)
      .set(operator)
      .send({})
      .expect(200);
    await pause();
    await http()
      .post(`/api/subscriptions/${subscriptionId}/suspend`)
      .set(operator)
      .send({ reason: 'unpaid' })
      .expect(200);

    const [, signed, ibanChanged] = await instants(`contract-${contractId}`);
    expect((await stateOf(`contracts/${contractId}`, justBefore(signed))).state.status).toBe(
      'draft',
    );
    const atSignature = await stateOf(`contracts/${contractId}`, signed);
    expect(atSignature).toMatchObject({
      kind: 'contract',
      version: 2,
      state: { status: 'signed' },
    });
    expect(JSON.stringify(atSignature.state)).toContain('M-1');
    expect(JSON.stringify((await stateOf(`contracts/${contractId}`, ibanChanged)).state)).toContain(
      'M-2',
    );

    const [requested, activated] = await instants(`subscription-${subscriptionId}`);
    const statusAt = async (asOf: string) =>
      (await stateOf(`subscriptions/${subscriptionId}`, asOf)).state.status;
    expect(await statusAt(requested)).toBe('pending-activation');
    expect(await statusAt(activated)).toBe('active');
    expect(await statusAt('3')).toBe('suspended');
    expect((await stateOf(`subscriptions/${subscriptionId}`)).version).toBe(3);
  });

  it('folds an invoice before and after its payment', async () => {
    const store = testApp.app.get<EventStore>(EVENT_STORE);
    const invoiceId = randomUUID();
    let state: InvoiceState = invoiceDecider.initialState;
    const run = async (command: Pick<InvoiceCommand, 'type' | 'data'>, at: string) => {
      const events = invoiceDecider.decide(
        { ...command, metadata: { at } } as InvoiceCommand,
        state,
      );
      state = events.reduce(invoiceDecider.evolve, state);
      await store.append(invoiceStream(invoiceId), events, { expectedRevision: 'any' });
    };
    await run(
      {
        type: 'IssueInvoice',
        data: {
          invoiceId,
          series: `T${Date.now()}`,
          number: 1,
          customerId: randomUUID(),
          contractId: randomUUID(),
          billingPeriod: { from: '2025-03-01', to: '2025-04-01' },
          cyclePeriod: '2025-03',
          customer: SNAPSHOT,
          iban: IBAN.replace(/ /g, ''),
          paymentMethod: 'transfer',
          lines: INVOICE_LINES,
          totals: totalsOf(INVOICE_LINES),
          issueDate: '2025-03-01',
          dueDate: '2025-03-15',
        },
      },
      '2025-03-01T08:00:00.000Z',
    );
    await pause();
    const paymentId = randomUUID();
    await run(
      {
        type: 'RecordPayment',
        data: {
          invoiceId,
          paymentId,
          amountCents: 4235,
          method: 'transfer',
          paidAt: '2025-03-10T09:00:00.000Z',
        },
      },
      '2025-03-10T09:00:00.000Z',
    );
    const [issued, paid] = await instants(`invoice-${invoiceId}`);

    const unpaid = await stateOf(`invoices/${invoiceId}`, justBefore(paid));
    expect(unpaid).toMatchObject({ kind: 'invoice', version: 1, occurredAt: issued });
    expect(JSON.stringify(unpaid.state)).not.toContain(paymentId);
    const settled = await stateOf(`invoices/${invoiceId}`);
    expect(settled.version).toBe(2);
    expect(JSON.stringify(settled.state)).toContain(paymentId);
    expect(settled.state).toEqual(JSON.parse(JSON.stringify(state)));
  });

  it.each(['contracts', 'subscriptions', 'invoices', 'customers'])(
    'answers 404 for an unknown id, 400 for a bad asOf and 403 to operators on /%s/:id/state',
    async (path) => {
      const unknown = randomUUID();
      await http().get(`/api/${path}/${unknown}/state`).set(auditor).expect(404);
      const bad = await http()
        .get(`/api/${path}/${unknown}/state`)
        .query({ asOf: 'last tuesday' })
        .set(auditor)
        .expect(400);
      expect(bad.body).toMatchObject({ statusCode: 400, details: [{ field: 'asOf' }] });
      expect(bad.body.message).toMatch(/ISO-8601 instant or a version/);
      await http().get(`/api/${path}/${unknown}/state`).set(operator).expect(403);
      await http().get(`/api/${path}/not-a-uuid/state`).set(auditor).expect(400);
    },
  );
});
