import request from 'supertest';
import { fetchOpenApiDocument, OpenApiOperation, operationsOf } from './support/openapi-operations';
import { recordFigure, storageInUse } from './support/reliability-figures';
import { startTestApp, TEST_API_KEYS, TestApp } from '../support/test-app';

type Role = keyof typeof TEST_API_KEYS;
type Endpoint = Pick<OpenApiOperation, 'method' | 'path'>;

/**
 * Who may call what (API.md, Auth), as a table: commands operator+admin, queries every role,
 * auditor tools auditor+admin, health and docs nobody needs a key for.
 */
function allowedRoles({ method, path }: Endpoint): Role[] | 'public' {
  if (path === '/api/health') return 'public';
  if (path.startsWith('/api/audit') || path.endsWith('/state')) return ['admin', 'auditor'];
  if (method === 'get') return ['admin', 'operator', 'auditor'];
  return ['admin', 'operator'];
}

const SAMPLE_ID = '3f1c1a52-8d7e-4b7a-9a55-1d2f8c7b6e10';

describe('access: every endpoint of the OpenAPI document against every role', () => {
  let testApp: TestApp;
  let endpoints: Endpoint[];
  const http = () => request(testApp.app.getHttpServer());
  const call = (endpoint: Endpoint, headers: Record<string, string>) =>
    http()
      [endpoint.method](endpoint.path.replace(/\{[^}]+\}/g, SAMPLE_ID))
      .set(headers)
      .send(endpoint.method === 'get' || endpoint.method === 'delete' ? undefined : {});

  beforeAll(async () => {
    testApp = await startTestApp();
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
});
