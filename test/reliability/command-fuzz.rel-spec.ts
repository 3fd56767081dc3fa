import fc from 'fast-check';
import request from 'supertest';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from '../support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const RUNS_PER_ENDPOINT = Number(process.env.FUZZ_RUNS ?? 100);

const FIELDS = [
  'contractId',
  'signatory',
  'mandateReference',
  'signedAt',
  'tariff',
  'monthlyPriceCents',
  'billingMode',
  'effectiveDate',
  'percent',
  'amountCents',
  'from',
  'until',
  'recurring',
  'description',
  'personType',
  'name',
  'givenName',
  'middleName',
  'firstSurname',
  'secondSurname',
  'document',
  'email',
  'phone',
  'mobile',
  'address',
  'zone',
  'seller',
  'collector',
  'observations',
  'code',
  'billingEnabled',
  'paymentMethod',
  'invoiceSeries',
  'billingDay',
  'iban',
  'taxId',
  'vatRatePercent',
  'notifyEmails',
  'sendInvoiceEmail',
  'sendPaymentEmail',
  'label',
  'kind',
  'text',
  'consents',
  'reason',
  'customerIds',
  'changes',
];

const nasty = fc.constantFrom(
  "'; DROP TABLE es_events; --",
  "' OR '1'='1",
  'Robert"); DELETE FROM customer_file; --',
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  '\u0000\u0001\u202e\ud83d\ude00',
  'ñÑçÇ€ 名前 اسم',
  '=HYPERLINK("http://x")',
  '../../etc/passwd',
);
const hugeString = fc.integer({ min: 1_000, max: 50_000 }).map((n) => 'x'.repeat(n));
const scalar = fc.oneof(
  fc.string(),
  nasty,
  hugeString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 5 }),
  fc.dictionary(fc.string(), scalar, { maxKeys: 4 }),
);
const pollution = fc.constantFrom(
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"name": "x", "__proto__": {"polluted": true}}',
);
const malformed = fc.constantFrom(
  '{',
  '{"name": }',
  '[1,2',
  'null',
  '"text"',
  '12',
  '{"a":1}}',
  '\u0000',
);

/** A body: random JSON, known fields with wrong types, pollution payloads, or broken JSON text. */
const body = fc.oneof(
  fc.anything().map((v) => JSON.stringify(v) ?? 'null'),
  fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 8 }).map((v) => JSON.stringify(v)),
  fc.dictionary(fc.string(), value, { maxKeys: 6 }).map((v) => JSON.stringify(v)),
  pollution,
  malformed,
);

describe('fuzzing every command endpoint with hostile input', () => {
  let testApp: TestApp;
  let customerId: string;
  let contractId: string;
  let subscriptionId: string;
  const tally = { tried: 0, rejected: 0, accepted: 0 };

  beforeAll(async () => {
    testApp = await startTestApp({ BODY_LIMIT: '100kb' });
    const http = () => request(testApp.app.getHttpServer());
    customerId = (
      await http().post('/api/customers').set(operator).send({ name: 'Fuzz SL' }).expect(201)
    ).body.id;
    contractId = (
      await http()
        .post('/api/contracts')
        .set(operator)
        .send({ customerId, paymentMethod: 'transfer' })
        .expect(201)
    ).body.id;
    subscriptionId = (
      await http()
        .post('/api/subscriptions')
        .set(operator)
        .send({ contractId, tariff: 'Fuzz 100', monthlyPriceCents: 1000, billingMode: 'advance' })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    console.log(
      `command fuzzer: ${tally.tried} inputs tried, ${tally.rejected} refused with 4xx, ${tally.accepted} accepted as valid, 0 server errors`,
    );
    await testApp.close();
  });

  const endpoints = () =>
    [
      ['post', '/api/customers'],
      ['patch', `/api/customers/${customerId}`],
      ['put', `/api/customers/${customerId}/billing-settings`],
      ['post', `/api/customers/${customerId}/addresses`],
      ['post', `/api/customers/${customerId}/contacts`],
      ['post', `/api/customers/${customerId}/interactions`],
      ['post', `/api/customers/${customerId}/deactivate`],
      ['post', '/api/customers/bulk-update'],
      ['post', '/api/contracts'],
      ['post', `/api/contracts/${contractId}/sign`],
      ['put', `/api/contracts/${contractId}/iban`],
      ['post', '/api/subscriptions'],
      ['post', `/api/subscriptions/${subscriptionId}/activate`],
      ['post', `/api/subscriptions/${subscriptionId}/suspend`],
      ['post', `/api/subscriptions/${subscriptionId}/tariff-migrations`],
      ['post', `/api/subscriptions/${subscriptionId}/discounts`],
      ['post', `/api/subscriptions/${subscriptionId}/extra-charges`],
    ] as const;

  it('never answers 5xx; every refusal has the error shape and writes nothing', async () => {
    for (const [method, path] of endpoints()) {
      await fc.assert(
        fc.asyncProperty(body, async (raw) => {
          const before = await countEvents(testApp);
          const res = await request(testApp.app.getHttpServer())
            [method](path)
            .set({ ...operator, 'Content-Type': 'application/json' })
            .send(raw);
          tally.tried++;
          if (res.status >= 500)
            throw new Error(`${method} ${path} answered ${res.status} to ${raw.slice(0, 300)}`);
          if (res.status >= 400) {
            tally.rejected++;
            expect(res.body).toMatchObject({
              statusCode: res.status,
              error: expect.any(String),
              message: expect.any(String),
            });
            expect(await countEvents(testApp)).toBe(before);
          } else {
            tally.accepted++;
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: RUNS_PER_ENDPOINT, seed: 20261123 },
      );
    }
    expect(tally.tried).toBe(RUNS_PER_ENDPOINT * endpoints().length);
  });
});
