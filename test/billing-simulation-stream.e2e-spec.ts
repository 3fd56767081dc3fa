import request from 'supertest';
import { startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';
import { textBody } from './support/text-body';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const NDJSON = 'application/x-ndjson';
/** The first day of next month: the subscriptions below are active from today. */
const FROM = (() => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))
    .toISOString()
    .slice(0, 10);
})();

interface ContractLine {
  kind: 'contract';
  customerId: string;
  contractId: string;
  cycles: unknown[];
  problems: { contractId: string; code: string }[];
}
interface SummaryLine {
  kind: 'summary';
  from: string;
  cycles: number;
  contracts: number;
  problems: number;
}
interface Simulation {
  from: string;
  cycles: number;
  contracts: { customerId: string; contractId: string; cycles: unknown[] }[];
  problems: { contractId: string; code: string }[];
}

/**
 * Issue 23, item 4: `POST /billing/simulations` with `Accept: application/x-ndjson` streams one
 * line per contract, simulated a batch of customers at a time. The batch holds 2 customers here
 * and the view 5, so the answer crosses two batch boundaries; each line must equal the JSON
 * answer's contract, and the JSON answer (built from the same batches) must equal the customers
 * simulated one by one.
 */
describe('POST /billing/simulations streamed as NDJSON, in batches of customers', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());
  let last = 0;
  const customerIds: string[] = [];
  const contractIds: string[] = [];

  const simulate = (body: object, accept?: string) => {
    const call = http()
      .post('/api/billing/simulations')
      .set({ ...operator, 'X-Min-Position': String(last) });
    return (accept === undefined ? call : call.set('Accept', accept)).send(body).expect(200);
  };
  const streamed = async (body: object) => {
    const res = await simulate(body, NDJSON).buffer(true).parse(textBody);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const text = res.body as string;
    expect(text.endsWith('\n')).toBe(true);
    const lines = text
      .slice(0, -1)
      .split('\n')
      .map((line) => JSON.parse(line) as ContractLine | SummaryLine);
    const summary = lines.pop() as SummaryLine;
    expect(summary.kind).toBe('summary');
    return { contracts: lines as ContractLine[], summary };
  };

  beforeAll(async () => {
    testApp = await startTestApp({ SIMULATION_BATCH_CUSTOMERS: '2' });
    for (let i = 0; i < 5; i++) {
      const customer = await http()
        .post('/api/customers')
        .set(operator)
        .send({ personType: 'legal', name: `Lote ${i} SL` })
        .expect(201);
      await http()
        .put(`/api/customers/${customer.body.id}/billing-settings`)
        .set(operator)
        .send({
          billingEnabled: true,
          paymentMethod: 'transfer',
          invoiceSeries: 'F2026',
          billingDay: 1 + i,
        })
        .expect(200);
      customerIds.push(customer.body.id);
      // The third customer has two contracts; the unsigned ones are listed with their problems.
      for (let c = 0; c < (i === 2 ? 2 : 1); c++) {
        const contract = await http()
          .post('/api/contracts')
          .set(operator)
          .send({ customerId: customer.body.id, paymentMethod: 'transfer' })
          .expect(201);
        contractIds.push(contract.body.id);
        const sub = await http()
          .post('/api/subscriptions')
          .set(operator)
          .send({
            contractId: contract.body.id,
            tariff: 'Fibra',
            monthlyPriceCents: 1000 * (i + 1),
            billingMode: 'advance',
          })
          .expect(201);
        const activated = await http()
          .post(`/api/subscriptions/${sub.body.id}/activate`)
          .set(operator)
          .send({})
          .expect(200);
        last = Math.max(last, activated.body.position ?? 0);
      }
    }
  }, 120_000);
  afterAll(() => testApp.close());

  it('answers one line per contract, across batch boundaries, equal to the JSON answer', async () => {
    const body = { cycles: 2, from: FROM };
    const json = (await simulate(body)).body as Simulation;
    const { contracts, summary } = await streamed(body);

    expect(contracts.map((line) => line.contractId).sort()).toEqual([...contractIds].sort());
    expect(new Set(contracts.map((line) => line.customerId))).toEqual(new Set(customerIds));
    expect(contracts.map(({ kind: _kind, problems: _problems, ...contract }) => contract)).toEqual(
      json.contracts,
    );
    expect(contracts.flatMap((line) => line.problems)).toEqual(json.problems);
    for (const line of contracts) {
      expect(line.kind).toBe('contract');
      for (const problem of line.problems) expect(problem.contractId).toBe(line.contractId);
    }
    expect(json.problems.length).toBeGreaterThan(0);
    expect(summary).toEqual({
      kind: 'summary',
      from: FROM,
      cycles: 2,
      contracts: contractIds.length,
      problems: json.problems.length,
    });
  });

  it('builds the JSON answer from the batches exactly as the customers simulated one by one', async () => {
    const json = (await simulate({ cycles: 2, from: FROM })).body as Simulation;
    const oneByOne: Simulation[] = [];
    for (const customerId of [...customerIds].sort())
      oneByOne.push((await simulate({ cycles: 2, from: FROM, customerIds: [customerId] })).body);
    expect(json.contracts).toEqual(oneByOne.flatMap((answer) => answer.contracts));
    expect(json.problems).toEqual(oneByOne.flatMap((answer) => answer.problems));
  });

  it('streams only the customers asked for, in batches too', async () => {
    const asked = customerIds.slice(0, 3);
    const { contracts, summary } = await streamed({ cycles: 1, from: FROM, customerIds: asked });
    expect(new Set(contracts.map((line) => line.customerId))).toEqual(new Set(asked));
    expect(contracts).toHaveLength(4);
    expect(summary.contracts).toBe(4);
  });
});
