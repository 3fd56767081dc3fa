import request from 'supertest';
import { BillingFixtures } from '../support/billing-fixtures';
import { CUSTOMER_TABS } from '../../apps/api/src/console/console-customer-tabs';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from '../support/test-app';
import { logIn } from './console-session';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };

describe('the console: login, session cookie, CSRF, roles, languages', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());
  let customerId: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    const registered = await http()
      .post('/api/customers')
      .set(operator)
      .send({ personType: 'legal', name: 'Fibra <b>Ñandú</b> SL', email: 'console@example.es' })
      .expect(201);
    customerId = registered.body.id;
  });
  afterAll(() => testApp.close());

  it('sends a visitor without a session to the login page, in Spanish by default', async () => {
    const page = await http().get(`/console/customers/${customerId}`).expect(303);
    expect(page.headers.location).toBe('/console/login');
    const login = await http().get('/console/login').expect(200);
    expect(login.text).toContain('<html lang="es">');
    expect(login.text).toContain('Clave de API');
  });

  it('speaks English to a browser that prefers it', async () => {
    const login = await http()
      .get('/console/login')
      .set('Accept-Language', 'en-GB,en;q=0.9,es;q=0.5')
      .expect(200);
    expect(login.text).toContain('<html lang="en">');
    expect(login.text).toContain('API key');
  });

  it("serves every console page with a CSP running only the console's own scripts and styles", async () => {
    const login = await http().get('/console/login').expect(200);
    const csp = login.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(login.headers['x-content-type-options']).toBe('nosniff');
    expect(login.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(login.text).not.toMatch(/\son[a-z]+=/);
    const api = await http().get('/api/health');
    expect(api.headers['content-security-policy']).toBeUndefined();
  });

  it('answers hostile raw input (NUL, bad percent-encoding, a form not in UTF-8) with an HTML page, writing nothing', async () => {
    const { cookie, csrf } = await logIn(testApp, TEST_API_KEYS.operator);
    const before = await countEvents(testApp);
    for (const url of [
      '/console/customers?q=%00',
      '/console/customers?q=%E0%A4%A',
      '/console/customers/%00',
    ]) {
      const refused = await http().get(url).set('Cookie', cookie).expect(400);
      expect(refused.headers['content-type']).toMatch(/^text\/html/);
      expect(refused.text).toContain('<html lang="es">');
    }
    const notUtf8 = await http()
      .post(`/console/customers/${customerId}/interactions`)
      .set('Cookie', cookie)
      .set('Content-Type', 'application/x-www-form-urlencoded; charset=utf-8')
      .send(
        Buffer.concat([Buffer.from(`_csrf=${csrf}&kind=call&text=`), Buffer.from([0xc3, 0x28])]),
      );
    expect(notUtf8.status).toBeGreaterThanOrEqual(400);
    expect(notUtf8.status).toBeLessThan(500);
    expect(notUtf8.headers['content-type']).toMatch(/^text\/html/);
    expect(await countEvents(testApp)).toBe(before);
  });

  it('refuses an unknown key and issues no cookie', async () => {
    const refused = await http()
      .post('/console/login')
      .type('form')
      .send({ apiKey: 'not-a-key' })
      .expect(401);
    expect(refused.headers['set-cookie']).toBeUndefined();
    expect(refused.text).toContain('Clave desconocida');
  });

  it('refuses a login posted from another origin', async () => {
    await http()
      .post('/console/login')
      .set('Origin', 'https://evil.example')
      .type('form')
      .send({ apiKey: TEST_API_KEYS.operator })
      .expect(403);
  });

  it('sets an httpOnly, SameSite=Strict session cookie scoped to /console, without the key in it', async () => {
    const { setCookie } = await logIn(testApp, TEST_API_KEYS.operator);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\/console/);
    expect(setCookie).not.toContain(TEST_API_KEYS.operator);
  });

  it('refuses a forged or tampered session cookie', async () => {
    const { cookie } = await logIn(testApp, TEST_API_KEYS.auditor);
    const [payload, signature] = cookie.split('=')[1].split('.');
    const asAdmin = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
        role: 'admin',
      }),
    ).toString('base64url');
    await http()
      .get('/console/customers')
      .set('Cookie', `console_session=${asAdmin}.${signature}`)
      .expect(303);
  });

  it('lists and searches customers, every value escaped', async () => {
    const { cookie } = await logIn(testApp, TEST_API_KEYS.operator);
    const found = await http()
      .get('/console/customers')
      .query({ q: 'Ñandú' })
      .set('Cookie', cookie)
      .expect(200);
    expect(found.text).toContain(`/console/customers/${customerId}`);
    expect(found.text).toContain('Fibra &lt;b&gt;Ñandú&lt;/b&gt; SL');
    expect(found.text).not.toContain('<b>Ñandú');
    const none = await http()
      .get('/console/customers')
      .query({ q: 'zzzz-nobody' })
      .set('Cookie', cookie)
      .expect(200);
    expect(none.text).toContain('Ningún cliente coincide');
  });

  it('shows the customer file and each tab, as a page and as an htmx fragment', async () => {
    const { cookie } = await logIn(testApp, TEST_API_KEYS.operator);
    for (const tab of CUSTOMER_TABS) {
      const page = await http()
        .get(`/console/customers/${customerId}`)
        .query({ tab })
        .set('Cookie', cookie)
        .expect(200);
      expect(page.text).toContain('<html');
      expect(page.text).toMatch(new RegExp(`tab=${tab}"[^>]*aria-current="page"`));
      const fragment = await http()
        .get(`/console/customers/${customerId}/tabs/${tab}`)
        .set('Cookie', cookie)
        .set('HX-Request', 'true')
        .expect(200);
      expect(fragment.text).not.toContain('<html');
    }
    await http()
      .get('/console/customers/3f1c1a52-8d7e-4b7a-9a55-1d2f8c7b6e10')
      .set('Cookie', cookie)
      .expect(404);
  });

  it('refuses a form post without the CSRF token, or with another session’s, writing nothing', async () => {
    const { cookie } = await logIn(testApp, TEST_API_KEYS.operator);
    const other = await logIn(testApp, TEST_API_KEYS.admin);
    const before = await countEvents(testApp);
    const url = `/console/customers/${customerId}/interactions`;
    const form = { kind: 'call', text: 'Sin token' };
    const refused = await http()
      .post(url)
      .set('Cookie', cookie)
      .type('form')
      .send(form)
      .expect(403);
    expect(refused.text).toContain('token CSRF');
    await http()
      .post(url)
      .set('Cookie', cookie)
      .type('form')
      .send({ ...form, _csrf: other.csrf })
      .expect(403);
    expect(await countEvents(testApp)).toBe(before);
  });

  it('records an interaction with the API’s command and shows it in the history', async () => {
    const { cookie, csrf } = await logIn(testApp, TEST_API_KEYS.operator);
    const recorded = await http()
      .post(`/console/customers/${customerId}/interactions`)
      .set('Cookie', cookie)
      .type('form')
      .send({
        _csrf: csrf,
        kind: 'call',
        direction: 'inbound',
        text: 'Llamó por la factura de marzo',
      })
      .expect(303);
    expect(recorded.headers.location).toBe(`/console/customers/${customerId}?tab=history`);
    const interactions = await http()
      .get(`/api/customers/${customerId}/interactions`)
      .set(operator)
      .expect(200);
    expect(interactions.body.items[0]).toMatchObject({
      kind: 'call',
      text: 'Llamó por la factura de marzo',
      actor: expect.stringMatching(/^operator:/),
    });
    const history = await http().get(recorded.headers.location).set('Cookie', cookie).expect(200);
    expect(history.text).toContain('Interaction recorded: call');
  });

  it('shows a refused form’s errors in place, keeping the input, writing nothing', async () => {
    const { cookie, csrf } = await logIn(testApp, TEST_API_KEYS.operator);
    const before = await countEvents(testApp);
    const refused = await http()
      .post(`/console/customers/${customerId}/interactions`)
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrf, kind: 'telepathy', text: 'Texto que se conserva' })
      .expect(422);
    expect(refused.text).toContain('role="alert"');
    expect(refused.text).toContain('kind');
    expect(refused.text).toContain('Texto que se conserva');
    expect(await countEvents(testApp)).toBe(before);
  });

  it('moves a subscription to active-not-billable from the contracts tab, which shows the IBAN warning', async () => {
    const given = new BillingFixtures(testApp);
    const { customerId: billed, contractId } = await given.billedContract('CON');
    const { cookie, csrf } = await logIn(testApp, TEST_API_KEYS.operator);
    const tab = () =>
      http()
        .get(`/console/customers/${billed}`)
        .query({ tab: 'contracts' })
        .set('Cookie', cookie)
        .set('X-Min-Position', String(given.last))
        .expect(200);
    const before = await tab();
    expect(before.text).toMatch(/<dd>ES91[^<]*1332<\/dd>/);
    expect(before.text).toMatch(/class="warning" role="note">⚠/);
    expect(before.text).toMatch(/<td class="status">active<\/td>/);
    const subscriptionId = /data-subscription="([0-9a-f-]{36})"/.exec(before.text)![1];
    const move = (name: string, form: object) =>
      http()
        .post(`/console/customers/${billed}/subscriptions/${subscriptionId}/${name}`)
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: csrf, ...form });

    const events = await countEvents(testApp);
    const noReason = await move('suspend', {}).expect(422);
    expect(noReason.text).toMatch(/role="alert">reason/);
    expect(await countEvents(testApp)).toBe(events);

    const moved = await move('active-not-billable', { reason: 'Línea propia' }).expect(303);
    expect(moved.headers.location).toBe(`/console/customers/${billed}?tab=contracts`);
    const after = await tab();
    expect(after.text).toMatch(/<td class="status">active-not-billable<\/td>/);
    const api = await http().get(`/api/contracts/${contractId}`).set(operator).expect(200);
    expect(api.body.subscriptions[0]).toMatchObject({
      status: 'active-not-billable',
      billable: false,
    });

    const refused = await move('active-not-billable', {}).expect(422);
    expect(refused.text).toContain('role="alert"');
    await move('no-such-move', {}).expect(404);
    await http()
      .post(`/console/customers/${customerId}/subscriptions/${subscriptionId}/active-billable`)
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrf })
      .expect(404);
  });

  it('lets an auditor read but not post, and shows the timeline to auditors only', async () => {
    const auditor = await logIn(testApp, TEST_API_KEYS.auditor);
    const file = await http()
      .get(`/console/customers/${customerId}`)
      .query({ tab: 'interactions' })
      .set('Cookie', auditor.cookie)
      .expect(200);
    expect(file.text).not.toContain('name="text"');
    const before = await countEvents(testApp);
    await http()
      .post(`/console/customers/${customerId}/interactions`)
      .set('Cookie', auditor.cookie)
      .type('form')
      .send({ _csrf: auditor.csrf, kind: 'note', text: 'No' })
      .expect(403);
    expect(await countEvents(testApp)).toBe(before);
    await http()
      .get(`/console/customers/${customerId}/timeline`)
      .set('Cookie', auditor.cookie)
      .expect(200);
    const operatorSession = await logIn(testApp, TEST_API_KEYS.operator);
    await http()
      .get(`/console/customers/${customerId}/timeline`)
      .set('Cookie', operatorSession.cookie)
      .expect(403);
  });

  it('shows the state as of a version beside the current one, the changed fields marked', async () => {
    await http()
      .patch(`/api/customers/${customerId}`)
      .set(operator)
      .send({ email: 'nuevo@example.es' })
      .expect(200);
    const { cookie } = await logIn(testApp, TEST_API_KEYS.auditor);
    const timeline = await http()
      .get(`/console/customers/${customerId}/timeline`)
      .query({ version: 1 })
      .set('Cookie', cookie)
      .expect(200);
    expect(timeline.text).toMatch(
      /class="changed"><th scope="row">profile.email<\/th><td><mark>console@example.es/,
    );
    expect(timeline.text).toMatch(
      /class="changed"><th scope="row">profile.email<\/th><td><mark>nuevo@example.es/,
    );
    expect(timeline.text).not.toMatch(/class="changed"><th scope="row">profile.name</);
    expect(timeline.text).toContain('Customer registered');
    expect(timeline.text).toMatch(/Correlación: <code>[0-9a-f-]{36}<\/code>/);
  });

  it('logs out only with the CSRF token, and the cookie is cleared', async () => {
    const { cookie, csrf } = await logIn(testApp, TEST_API_KEYS.operator);
    await http().post('/console/logout').set('Cookie', cookie).type('form').send({}).expect(403);
    const out = await http()
      .post('/console/logout')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrf })
      .expect(303);
    expect(String(out.headers['set-cookie'])).toMatch(/console_session=;/);
  });

  it('leaves the API as it was: no console route under /api, JSON errors there', async () => {
    await http().get('/api/console/customers').set(operator).expect(404);
    const refused = await http().get('/api/customers').expect(401);
    expect(refused.body.statusCode).toBe(401);
  });
});
