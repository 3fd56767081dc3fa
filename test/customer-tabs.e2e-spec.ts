import request from 'supertest';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };
const UNKNOWN = '3f1c1a52-8d7e-4b7a-9a55-1d2f8c7b6e10';

let serial = 0;
const aCustomer = () => ({
  personType: 'legal',
  name: 'Fibra Norte SL',
  email: `tabs${++serial}.${Date.now()}@example.com`,
});

/** The customer file's tabs an operator reaches first. */
describe('customer tabs over HTTP', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());
  async function writesNothing(send: () => Promise<unknown>) {
    const before = await countEvents(testApp);
    await send();
    expect(await countEvents(testApp)).toBe(before);
  }
  async function register(): Promise<string> {
    const res = await http().post('/api/customers').set(operator).send(aCustomer()).expect(201);
    return res.body.id;
  }

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  describe('GET /customers/:id/interactions', () => {
    it('lists interactions newest first, paged, filtered by kind, for operators and auditors', async () => {
      const id = await register();
      const base = `/api/customers/${id}`;
      let position = 0;
      for (const [kind, text] of [
        ['call', 'Asked about fibre'],
        ['email', 'Sent the contract'],
        ['call', 'Called back'],
      ]) {
        const res = await http()
          .post(`${base}/interactions`)
          .set(operator)
          .send({ kind, text })
          .expect(201);
        position = res.body.position;
      }
      const all = await http()
        .get(`${base}/interactions`)
        .set({ ...auditor, 'X-Min-Position': String(position) })
        .expect(200);
      expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
      expect(all.body.items.map((i: { text: string }) => i.text)).toEqual([
        'Called back',
        'Sent the contract',
        'Asked about fibre',
      ]);
      expect(all.body.items[0]).toEqual({
        interactionId: expect.any(String),
        kind: 'call',
        direction: 'inbound',
        text: 'Called back',
        recordedAt: expect.any(String),
        position,
        actor: expect.stringMatching(/^operator:/),
      });

      const calls = await http()
        .get(`${base}/interactions?kind=call&pageSize=1&page=2`)
        .set(operator)
        .expect(200);
      expect(calls.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(calls.body.items.map((i: { text: string }) => i.text)).toEqual(['Asked about fibre']);

      const visits = await http().get(`${base}/interactions?kind=visit`).set(auditor).expect(200);
      expect(visits.body).toMatchObject({ items: [], total: 0 });
    });

    it('answers 404 for an unknown customer and 400 naming a bad kind or page size', async () => {
      await http().get(`/api/customers/${UNKNOWN}/interactions`).set(auditor).expect(404);
      const id = await register();
      const badKind = await http()
        .get(`/api/customers/${id}/interactions?kind=fax`)
        .set(operator)
        .expect(400);
      expect(JSON.stringify(badKind.body)).toMatch(/kind/);
      const badSize = await http()
        .get(`/api/customers/${id}/interactions?pageSize=1000`)
        .set(operator)
        .expect(400);
      expect(JSON.stringify(badSize.body)).toMatch(/pageSize/);
      await http().get(`/api/customers/${id}/interactions`).expect(401);
    });
  });
});
