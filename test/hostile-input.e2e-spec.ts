import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { AddressInfo, connect } from 'node:net';
import request from 'supertest';
import { recordE2eFigure } from './support/e2e-figures';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };
const json = { 'Content-Type': 'application/json' };

/** `depth` arrays inside one another around a zero: `[[[0]]]` for 3. */
const nestedArrays = (depth: number) => `${'['.repeat(depth)}0${']'.repeat(depth)}`;
/** `depth` objects inside one another: `{"a":{"a":{}}}` for 3. */
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`;

describe('hostile input at the HTTP boundary: 400 (413 for size) naming the field, nothing written', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());
  let lastPosition = 0;

  /** The customer list as a reader sees it once every acknowledged write is projected. */
  const customerList = async () =>
    (
      await http()
        .get('/api/customers')
        .query({ pageSize: 100 })
        .set({ ...auditor, 'X-Min-Position': String(lastPosition) })
        .expect(200)
    ).body as { total: number; items: { id: string }[] };

  /** Sends `send`, expects the error shape with `status`, and checks the log is unchanged. */
  /** Hostile requests refused with the error shape and nothing written, by status. */
  const refusals = new Map<number, number>();

  async function refused(status: number, send: () => request.Test) {
    const before = await countEvents(testApp);
    const res = await send();
    expect({ status: res.status, body: res.body }).toMatchObject({
      status,
      body: { statusCode: status, error: expect.any(String), message: expect.any(String) },
    });
    expect(await countEvents(testApp)).toBe(before);
    refusals.set(status, (refusals.get(status) ?? 0) + 1);
    return res.body as { message: string; details?: { field: string }[] };
  }

  const postRaw = (path: string, raw: string | Buffer, headers: Record<string, string> = {}) =>
    http()
      .post(path)
      .set({ ...operator, ...json, ...headers })
      .send(raw);

  /**
   * One request written byte for byte (HTTP clients re-encode header text, so a byte that is
   * no UTF-8 can only be sent this way); answers the status and the JSON body.
   */
  async function rawExchange(head: Buffer[], body: string) {
    const server = testApp.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, resolve));
    const { port } = server.address() as AddressInfo;
    const answer = await new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const socket = connect(port, '127.0.0.1', () =>
        socket.write(
          Buffer.concat([
            ...head,
            Buffer.from('Content-Type: application/json\r\nConnection: close\r\n'),
            Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`),
          ]),
        ),
      );
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.on('error', reject);
    });
    const [statusLine] = answer.split('\r\n');
    return {
      status: Number(statusLine.split(' ')[1]),
      body: JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as {
        message: string;
      },
    };
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    const res = await http()
      .post('/api/customers')
      .set(operator)
      .send({ personType: 'legal', name: 'Vecina SL' })
      .expect(201);
    lastPosition = res.body.position;
  });
  afterAll(async () => {
    await testApp.close();
    const counted = [...refusals].map(([status, count]) => `${count} × ${status}`).join(', ');
    recordE2eFigure(
      'hostile-input-boundary',
      'test/hostile-input.e2e-spec.ts',
      'Hostile input is refused at the HTTP boundary naming the field, and writes nothing: NUL and lone surrogates in any text, prototype keys, nesting past 32 levels, bodies over BODY_LIMIT (413), dates that do not exist, a credit note with both amountCents and lines (issue 16)',
      `the issue's repros and their kin: ${counted}, each with the error shape and the log's event count unchanged; a NUL or lone-surrogate name leaves the customer list as it was`,
    );
  });

  describe('text must be valid Unicode without NUL', () => {
    it.each([
      ['a NUL', 'Ab\u0000cd'],
      ['a lone high surrogate', 'Ab\ud800cd'],
      ['a lone low surrogate', 'Ab\udc00cd'],
    ])(
      'refuses a customer name with %s and leaves the customer file as it was',
      async (_, name) => {
        const listBefore = await customerList();
        const body = await refused(400, () =>
          postRaw('/api/customers', JSON.stringify({ personType: 'legal', name })),
        );
        expect(body.message).toContain('name');
        expect(body.details).toEqual([expect.objectContaining({ field: 'name' })]);
        const listAfter = await customerList();
        expect(listAfter).toEqual(listBefore);
      },
    );

    it('accepts a name with characters outside the basic plane (a well-formed surrogate pair)', async () => {
      const res = await http()
        .post('/api/customers')
        .set(operator)
        .send({ personType: 'legal', name: 'Fibra 😀 Norte' })
        .expect(201);
      lastPosition = res.body.position;
    });

    it('names a nested field: lines[0].description of a credit note', async () => {
      const body = await refused(400, () =>
        postRaw(
          `/api/invoices/${randomUUID()}/credit-notes`,
          JSON.stringify({ reason: 'x', lines: [{ description: 'a\u0000b', amountCents: 100 }] }),
        ),
      );
      expect(body.details?.[0].field).toBe('lines[0].description');
    });

    it('refuses a key with a NUL or a lone surrogate', async () => {
      for (const key of ['na\u0000me', 'na\ud800me']) {
        const body = await refused(400, () =>
          postRaw('/api/customers', `{"personType":"legal","name":"x",${JSON.stringify(key)}:1}`),
        );
        expect(body.message).toMatch(/key/);
      }
    });

    it('refuses a body whose bytes are not UTF-8', async () => {
      const bytes = Buffer.concat([
        Buffer.from('{"personType":"legal","name":"Ab'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('cd"}'),
      ]);
      const body = await refused(400, () =>
        http()
          .post('/api/customers')
          .set({ ...operator, ...json })
          .serialize((raw: unknown) => raw as string)
          .send(bytes),
      );
      expect(body.message).toContain('UTF-8');
    });

    it('refuses a query string with a NUL or bytes that are not UTF-8, naming the parameter', async () => {
      for (const query of ['q=Ab%00cd', 'q=Ab%FFcd', 'q=%ED%A0%80']) {
        const res = await http().get(`/api/customers?${query}`).set(auditor).expect(400);
        expect(res.body).toMatchObject({ statusCode: 400, details: [{ field: 'q' }] });
      }
    });

    it('refuses a path parameter with a NUL', async () => {
      const res = await http().get('/api/customers/ab%00cd').set(auditor).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, details: [{ field: 'path' }] });
      expect(res.body.message).toContain('NUL');
    });

    it('refuses an X-Actor or Idempotency-Key whose bytes are not UTF-8, naming the header', async () => {
      for (const header of ['X-Actor', 'Idempotency-Key']) {
        const before = await countEvents(testApp);
        const res = await rawExchange(
          [
            Buffer.from(`POST /api/customers HTTP/1.1\r\nHost: test\r\n`),
            Buffer.from(`Authorization: ${operator.Authorization}\r\n`),
            Buffer.concat([
              Buffer.from(`${header}: ana`),
              Buffer.from([0xff]),
              Buffer.from('bel\r\n'),
            ]),
          ],
          JSON.stringify({ personType: 'legal', name: 'Cabecera SL' }),
        );
        expect(res).toMatchObject({
          status: 400,
          body: { statusCode: 400, details: [{ field: header.toLowerCase() }] },
        });
        expect(res.body.message).toContain('UTF-8');
        expect(await countEvents(testApp)).toBe(before);
      }
    });
  });

  describe('prototype keys are refused, not dropped', () => {
    it.each(['__proto__', 'constructor', 'prototype'])('refuses "%s" at any depth', async (key) => {
      for (const raw of [
        `{"personType":"legal","name":"x",${JSON.stringify(key)}:{"polluted":true}}`,
        `{"personType":"legal","name":"x","address":{${JSON.stringify(key)}:{"polluted":true}}}`,
      ]) {
        const body = await refused(400, () => postRaw('/api/customers', raw));
        expect(body.message).toContain(key);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  describe('nesting is bounded', () => {
    it.each([
      ['arrays', nestedArrays(4000)],
      ['objects', nestedObjects(4000)],
    ])('answers 400, not a stack overflow, to 4,000 nested %s', async (_, nested) => {
      const raw = `{"personType":"legal","name":${nested}}`;
      expect(raw.length).toBeGreaterThan(8_000);
      const body = await refused(400, () => postRaw('/api/customers', raw));
      expect(body.message).toMatch(/deeper than 32/);
    });

    it('answers 400 to 4,000 nested arrays on the simulation and a credit note too', async () => {
      await refused(400, () =>
        postRaw('/api/billing/simulations', `{"customerIds":${nestedArrays(4000)}}`),
      );
      await refused(400, () =>
        postRaw(
          `/api/invoices/${randomUUID()}/credit-notes`,
          `{"reason":"x","lines":${nestedArrays(4000)}}`,
        ),
      );
    });

    it('takes 32 levels and refuses 33', async () => {
      // The body object is level 1; the value of `name` adds 30 or 31 more, plus the zero's array.
      const at32 = await postRaw('/api/customers', `{"name":${nestedArrays(31)}}`);
      expect(at32.status).toBe(400);
      expect(at32.body.message).not.toMatch(/deeper than/);
      const at33 = await postRaw('/api/customers', `{"name":${nestedArrays(32)}}`);
      expect(at33.status).toBe(400);
      expect(at33.body.message).toMatch(/deeper than 32/);
    });
  });

  describe('a body over BODY_LIMIT', () => {
    it('answers 413 with the error shape to a 10 MB body', async () => {
      const raw = JSON.stringify({ personType: 'legal', name: 'x'.repeat(10 * 1024 * 1024) });
      const body = await refused(413, () => postRaw('/api/customers', raw));
      expect(body.message).toMatch(/larger than/);
    });
  });

  describe('dates exist: years 1900–2999, months 01–12, a day of its month', () => {
    const subscription = () => `/api/subscriptions/${randomUUID()}`;
    const cases: [string, string, () => string, Record<string, unknown>][] = [
      [
        'issueDate',
        'a billing run',
        () => '/api/billing/runs',
        { issueDate: '2026-02-30', period: '2026-02' },
      ],
      ['period', 'a billing run', () => '/api/billing/runs', { period: '0000-01' }],
      ['period', 'a billing run', () => '/api/billing/runs', { period: '2026-13' }],
      [
        'period',
        'migration credits',
        () => '/api/billing/migration-credits',
        { period: '2026-00' },
      ],
      ['from', 'a simulation', () => '/api/billing/simulations', { from: '2026-02-30' }],
      ['from', 'a simulation', () => '/api/billing/simulations', { from: '2026-13-01' }],
      ['from', 'a simulation', () => '/api/billing/simulations', { from: '2026-02-29' }],
      ['from', 'a simulation', () => '/api/billing/simulations', { from: '1899-12-31' }],
      ['from', 'a simulation', () => '/api/billing/simulations', { from: '3000-01-01' }],
      [
        'paidAt',
        'a payment',
        () => `/api/invoices/${randomUUID()}/payments`,
        { amountCents: 100, method: 'transfer', paidAt: '2026-04-31' },
      ],
      [
        'dueDate',
        'a direct-debit effect',
        () => `/api/invoices/${randomUUID()}/direct-debit-effects`,
        { dueDate: '2026-06-31' },
      ],
      [
        'signedAt',
        'a contract signature',
        () => `/api/contracts/${randomUUID()}/sign`,
        {
          signedAt: '2026-02-30T10:00:00Z',
          iban: 'ES91 2100 0418 4502 0005 1332',
          signatory: 'Ana',
          mandateReference: 'M-1',
        },
      ],
      [
        'terminatedAt',
        'a contract termination',
        () => `/api/contracts/${randomUUID()}/terminate`,
        { reason: 'x', terminatedAt: '2026-01-01T24:00:00Z' },
      ],
      [
        'activatedAt',
        'an activation',
        () => `${subscription()}/activate`,
        { activatedAt: '0000-01-01' },
      ],
      [
        'cancelledAt',
        'a cancellation',
        () => `${subscription()}/cancel`,
        { cancelledAt: '2026-11-31T10:00:00Z' },
      ],
      [
        'from',
        'a discount',
        () => `${subscription()}/discounts`,
        { percent: 10, from: '2026-02-30' },
      ],
      [
        'until',
        'a discount',
        () => `${subscription()}/discounts`,
        { percent: 10, from: '2026-03-01', until: '2026-13-01' },
      ],
      [
        'from',
        'an extra charge',
        () => `${subscription()}/extra-charges`,
        { amountCents: 100, description: 'x', recurring: false, from: '2026-04-31' },
      ],
      [
        'effectiveDate',
        'a tariff migration',
        () => `${subscription()}/tariff-migrations`,
        { tariff: 'x', monthlyPriceCents: 100, effectiveDate: '2026-09-31' },
      ],
    ];

    it.each(cases)('refuses an impossible %s on %s', async (field, _, path, body) => {
      const res = await refused(400, () => postRaw(path(), JSON.stringify(body)));
      expect(res.details?.map((d) => d.field)).toContain(field);
    });

    it('accepts a leap day that exists', async () => {
      await http()
        .post('/api/billing/simulations')
        .set(operator)
        .send({ from: '2028-02-29', customerIds: [] })
        .expect(200);
    });

    it('refuses ?asOf=2026-02-30T00:00:00Z and takes 2026-02-28T00:00:00Z', async () => {
      const { items } = await customerList();
      const path = `/api/customers/${items[0].id}/state`;
      const bad = await http().get(path).query({ asOf: '2026-02-30T00:00:00Z' }).set(auditor);
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('asOf');
      await http().get(path).query({ asOf: '2026-02-28T00:00:00Z' }).set(auditor).expect(200);
    });
  });

  describe('a credit note', () => {
    it('takes amountCents or lines, not both', async () => {
      const body = await refused(400, () =>
        postRaw(
          `/api/invoices/${randomUUID()}/credit-notes`,
          JSON.stringify({
            reason: 'Outage',
            amountCents: 1000,
            lines: [{ description: 'Outage', amountCents: 1000 }],
          }),
        ),
      );
      expect(body.details?.map((d) => d.field)).toContain('amountCents');
    });
  });
});
