import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  PORTAL_PASSWORD_DELIVERY,
  PortalPasswordDelivery,
  PortalPasswordDeliveryRequest,
} from '@app/application';
import { BillingFixtures, operator, recentMonths } from '../support/billing-fixtures';
import { fetchOpenApiDocument, OpenApiOperation, operationsOf } from './support/openapi-operations';
import { recordFigure, storageInUse } from './support/reliability-figures';
import { startTestApp, TEST_API_KEYS, TestApp } from '../support/test-app';

type Role = keyof typeof TEST_API_KEYS;
type Endpoint = Pick<OpenApiOperation, 'method' | 'path'>;

/**
 * Who may call what (API.md, Auth), as a table: commands operator+admin, queries every role,
 * auditor tools auditor+admin, health, docs and the portal login nobody needs a key for, and
 * the portal's own routes a portal token only (rule 26: no API key opens them).
 */
function allowedRoles({ method, path }: Endpoint): Role[] | 'public' | 'portal' {
  if (path === '/api/health' || path === '/api/portal/sessions') return 'public';
  if (path.startsWith('/api/portal/')) return 'portal';
  if (path.startsWith('/api/audit') || path.endsWith('/state')) return ['admin', 'auditor'];
  if (method === 'get') return ['admin', 'operator', 'auditor'];
  return ['admin', 'operator'];
}

const SAMPLE_ID = '3f1c1a52-8d7e-4b7a-9a55-1d2f8c7b6e10';

/** The portal passwords the sends were handed, by customer (the test logs in with them). */
class CapturedPasswords implements PortalPasswordDelivery {
  readonly byCustomer = new Map<string, string>();
  async hold(request: PortalPasswordDeliveryRequest): Promise<void> {
    this.byCustomer.set(request.customerId, request.password);
  }
}

describe('access: every endpoint of the OpenAPI document against every role', () => {
  let testApp: TestApp;
  let endpoints: Endpoint[];
  const http = () => request(testApp.app.getHttpServer());
  const call = (endpoint: Endpoint, headers: Record<string, string>) =>
    http()
      [endpoint.method](endpoint.path.replace(/\{[^}]+\}/g, SAMPLE_ID))
      .set(headers)
      .send(endpoint.method === 'get' || endpoint.method === 'delete' ? undefined : {});

  const passwords = new CapturedPasswords();
  beforeAll(async () => {
    testApp = await startTestApp({}, (builder) =>
      builder.overrideProvider(PORTAL_PASSWORD_DELIVERY).useValue(passwords),
    );
    endpoints = operationsOf(await fetchOpenApiDocument(testApp.app));
  });
  afterAll(() => testApp.close());

  it('documents every endpoint of API.md', () => {
    const listed = endpoints.map((e) => `${e.method.toUpperCase()} ${e.path}`);
    for (const expected of [
      'POST /api/customers',
      'PATCH /api/customers/{id}',
      'GET /api/customers',
      'GET /api/customers/export.csv',
      'GET /api/customers/{id}/history',
      'GET /api/audit/events',
      'POST /api/customers/bulk-update',
    ]) {
      expect(listed).toContain(expected);
    }
  });

  it('answers 401 without a key and with an unknown key, except on public endpoints', async () => {
    let checked = 0;
    for (const endpoint of endpoints) {
      if (allowedRoles(endpoint) === 'public') continue;
      const attempts: Record<string, string>[] = [
        {},
        { Authorization: 'Bearer not-a-real-key-000' },
        { Authorization: 'Basic abc' },
      ];
      for (const headers of attempts) {
        const res = await call(endpoint, headers);
        expect({ endpoint, status: res.status }).toEqual({ endpoint, status: 401 });
        expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
    recordFigure('access-401', {
      guarantee: 'No key, an unknown key or another scheme: 401 on every non-public endpoint',
      test: 'test/reliability/access.rel-spec.ts',
      figure: `${checked} calls (${endpoints.length} endpoints read from /api/docs-json × 3 bad credentials): all 401 with the error shape`,
      storage: storageInUse(),
    });
  });

  it('answers 403 to every role the table does not allow, and never 401/403 to one it does', async () => {
    let checked = 0;
    for (const endpoint of endpoints) {
      const allowed = allowedRoles(endpoint);
      for (const role of Object.keys(TEST_API_KEYS) as Role[]) {
        const res = await call(endpoint, { Authorization: `Bearer ${TEST_API_KEYS[role]}` });
        if (allowed === 'portal') {
          expect({ endpoint, role, status: res.status }).toEqual({ endpoint, role, status: 401 });
          checked++;
          continue;
        }
        const permitted = allowed === 'public' || allowed.includes(role);
        if (permitted)
          expect({ endpoint, role, status: res.status }).not.toMatchObject({ status: 403 });
        else
          expect({ endpoint, role, status: res.status }).toEqual({ endpoint, role, status: 403 });
        expect([401]).not.toContain(res.status);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
    recordFigure('access-403', {
      guarantee:
        'Every endpoint against every role: 403 to a role the table does not allow, never 401/403 to one it does',
      test: 'test/reliability/access.rel-spec.ts',
      figure: `${checked} calls (${endpoints.length} endpoints × ${Object.keys(TEST_API_KEYS).length} roles)`,
      storage: storageInUse(),
    });
  });
  it('a portal token opens its own customer in the portal and nothing else (rule 26)', async () => {
    const given = new BillingFixtures(testApp);
    const [period] = recentMonths(1);
    const customers: { id: string; email: string; token: string }[] = [];
    for (const [series, priceCents] of [
      ['PAA', 2500],
      ['PAB', 4000],
    ] as const) {
      const id = await given.customer(series, 'cash', `Acceso ${series} SL`);
      const email = `${randomUUID()}@example.com`;
      given.track(
        await http().patch(`/api/customers/${id}`).set(operator).send({ email }).expect(200),
      );
      const contractId = await given.signedContract(id, 'cash');
      await given.activeSubscription(contractId, priceCents);
      given.track(
        await http().post(`/api/customers/${id}/portal-password`).set(operator).expect(200),
      );
      customers.push({ id, email, token: '' });
    }
    await given.post('/billing/runs', { period, customerIds: customers.map((c) => c.id) }, 201);
    for (const customer of customers) {
      const session = await http()
        .post('/api/portal/sessions')
        .set('X-Min-Position', String(given.last))
        .send({ email: customer.email, password: passwords.byCustomer.get(customer.id) })
        .expect(201);
      customer.token = session.body.token;
    }

    let checked = 0;
    for (const endpoint of endpoints) {
      const allowed = allowedRoles(endpoint);
      if (allowed === 'public') continue;
      for (const [self, other] of [customers, [...customers].reverse()]) {
        const res = await call(endpoint, {
          Authorization: `Bearer ${self.token}`,
          'X-Min-Position': String(given.last),
        });
        checked++;
        if (allowed !== 'portal') {
          // A portal token is no API key: every operator and auditor route stays shut.
          expect({ endpoint, status: res.status }).toEqual({ endpoint, status: 401 });
          continue;
        }
        expect({ endpoint, status: res.status }).toEqual({ endpoint, status: 200 });
        const answered = JSON.stringify(res.body);
        expect(answered).toContain(self.id);
        expect(answered).not.toContain(other.id);
        expect(answered).not.toContain(other.email);
      }
      if (allowed !== 'portal') continue;
      // Naming the other customer in a token breaks its signature.
      const [payload, signature] = customers[0].token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      const forged = Buffer.from(JSON.stringify({ ...claims, c: customers[1].id })).toString(
        'base64url',
      );
      const res = await call(endpoint, { Authorization: `Bearer ${forged}.${signature}` });
      expect({ endpoint, forged: res.status }).toEqual({ endpoint, forged: 401 });
      checked++;
    }
    const portalRoutes = endpoints.filter((e) => allowedRoles(e) === 'portal').length;
    expect(portalRoutes).toBeGreaterThanOrEqual(2);
    expect(checked).toBeGreaterThan(60);
    recordFigure('access-portal', {
      guarantee:
        "A portal token reads only its own customer's portal routes; every other endpoint answers it 401; a token naming another customer is refused",
      test: 'test/reliability/access.rel-spec.ts',
      figure: `${checked} calls (${endpoints.length} endpoints × 2 customers' tokens, ${portalRoutes} portal routes also with a forged token)`,
      storage: storageInUse(),
    });
  });
});
