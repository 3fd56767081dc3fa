import request from 'supertest';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const SIGNATURE_IBAN = 'ES91 2100 0418 4502 0005 1332';
const CUSTOMER_IBAN = 'ES79 2100 0813 6101 2345 6789';

/** The first day of next month and the periods of the three cycles from it (billing day 1). */
function nextMonths(count: number) {
  const now = new Date();
  return Array.from({ length: count }, (_, i) => {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1 + i, 1));
    return month.toISOString().slice(0, 7);
  });
}
const [FIRST, SECOND, THIRD] = nextMonths(3);
const FROM = `${FIRST}-01`;

interface SimulatedCycle {
  period: string;
  invoice: {
    lines: { subscriptionId: string; amountCents: number }[];
    totals: { totalCents: number };
  } | null;
  problems: { code: string }[];
}

describe('POST /billing/simulations (rule R12)', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());
  let last = 0;
  const track = <T extends { body: { position?: number } }>(res: T) => {
    last = Math.max(last, res.body.position ?? 0);
    return res;
  };

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  async function billedCustomer(paymentMethod: 'direct_debit' | 'transfer') {
    const customer = track(
      await http()
        .post('/api/customers')
        .set(operator)
        .send({ personType: 'legal', name: 'Simulada SL' })
        .expect(201),
    );
    track(
      await http()
        .put(`/api/customers/${customer.body.id}/billing-settings`)
        .set(operator)
        .send({
          billingEnabled: true,
          paymentMethod,
          invoiceSeries: 'F2026',
          billingDay: 1,
          iban: CUSTOMER_IBAN,
        })
        .expect(200),
    );
    const contract = track(
      await http()
        .post('/api/contracts')
        .set(operator)
        .send({ customerId: customer.body.id, paymentMethod })
        .expect(201),
    );
    return { customerId: customer.body.id as string, contractId: contract.body.id as string };
  }

  async function activeSubscription(contractId: string, price: number) {
    const sub = track(
      await http()
        .post('/api/subscriptions')
        .set(operator)
        .send({ contractId, tariff: 'Fibra', monthlyPriceCents: price, billingMode: 'advance' })
        .expect(201),
    );
    track(
      await http()
        .post(`/api/subscriptions/${sub.body.id}/activate`)
        .set(operator)
        .send({})
        .expect(200),
    );
    return sub.body.id as string;
  }

  it('previews the invoices of the next cycles, charging the signature, and writes nothing', async () => {
    const { customerId, contractId } = await billedCustomer('direct_debit');
    track(
      await http()
        .post(`/api/contracts/${contractId}/sign`)
        .set(operator)
        .send({
          iban: SIGNATURE_IBAN,
          signatory: 'Ana',
          mandateReference: 'M-SIM-1',
          signedAt: '2026-11-01T09:00:00Z',
        })
        .expect(200),
    );
    const billable = await activeSubscription(contractId, 3000);
    const ownLine = await activeSubscription(contractId, 2000);
    track(
      await http()
        .post(`/api/subscriptions/${ownLine}/active-not-billable`)
        .set(operator)
        .send({})
        .expect(200),
    );

    const before = await countEvents(testApp);
    const res = await http()
      .post('/api/billing/simulations')
      .set({ ...operator, 'X-Min-Position': String(last) })
      .send({ cycles: 3, customerIds: [customerId], from: FROM })
      .expect(200);
    expect(await countEvents(testApp)).toBe(before);

    const [contract] = res.body.contracts;
    expect(contract.cycles.map((c: SimulatedCycle) => c.period)).toEqual([FIRST, SECOND, THIRD]);
    for (const cycle of contract.cycles as SimulatedCycle[]) {
      expect(cycle.invoice!.lines.map((line) => line.subscriptionId)).toEqual([billable]);
      expect(cycle.invoice!.totals.totalCents).toBe(3630);
    }
    expect(JSON.stringify(contract)).toContain('1332');
    expect(JSON.stringify(contract)).not.toContain('6789');
  });

  it('lists the problems before they reach an invoice', async () => {
    const { customerId, contractId } = await billedCustomer('direct_debit');
    await activeSubscription(contractId, 3000);
    const res = await http()
      .post('/api/billing/simulations')
      .set({ ...operator, 'X-Min-Position': String(last) })
      .send({ cycles: 1, customerIds: [customerId], from: FROM })
      .expect(200);
    const codes = res.body.problems.map((p: { code: string }) => p.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'R12.DIRECT_DEBIT_WITHOUT_SIGNED_IBAN',
        'R12.ACTIVE_ON_UNSIGNED_CONTRACT',
      ]),
    );
    for (const problem of res.body.problems) {
      expect(problem).toMatchObject({ customerId, contractId, message: expect.any(String) });
    }
  });

  it('refuses to activate a subscription before it was requested (its invoices would silently stop)', async () => {
    const { contractId } = await billedCustomer('transfer');
    const sub = await http()
      .post('/api/subscriptions')
      .set(operator)
      .send({ contractId, tariff: 'Fibra', monthlyPriceCents: 1000, billingMode: 'advance' })
      .expect(201);
    await http()
      .post(`/api/subscriptions/${sub.body.id}/activate`)
      .set(operator)
      .send({ activatedAt: '2020-01-01' })
      .expect(422);
  });

  it('refuses more than 24 cycles, malformed dates and a malformed X-Min-Position (400)', async () => {
    await http()
      .post('/api/billing/simulations')
      .set({ ...operator, 'X-Min-Position': 'soon' })
      .send({ cycles: 1 })
      .expect(400);
    await http().post('/api/billing/simulations').set(operator).send({ cycles: 25 }).expect(400);
    await http()
      .post('/api/billing/simulations')
      .set(operator)
      .send({ from: 'next month' })
      .expect(400);
  });
});
