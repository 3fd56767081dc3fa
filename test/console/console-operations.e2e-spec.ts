import request from 'supertest';
import { BillingFixtures, recentMonths } from '../support/billing-fixtures';
import { TEST_CREDITOR, tomorrow } from '../support/collections';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from '../support/test-app';

const HOSTILE_NAME = 'Fibra <script>alert(1)</script> & Cía SL';
const ESCAPED_NAME = 'Fibra &lt;script&gt;alert(1)&lt;/script&gt; &amp; Cía SL';
const [, LAST_MONTH] = recentMonths(2);
const TASK_DAY = '2026-03-02';
const FAR_FUTURE = '2035-12-31';

interface SimulatedContract {
  cycles: { period: string; status: string; invoice: { totals: { totalCents: number } } | null }[];
}

/** The session cookie of a login with `key`, and the CSRF token of the page it opens. */
async function logIn(testApp: TestApp, key: string) {
  const http = request(testApp.app.getHttpServer());
  const login = await http.post('/console/login').type('form').send({ apiKey: key }).expect(303);
  const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? [])[0].split(';')[0];
  const page = await http.get('/console/customers').set('Cookie', cookie).expect(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
  return { cookie, csrf };
}

/** The chart's figures, from the page's JSON data island. */
function chartDataOf(html: string): { label: string; labels: string[]; values: number[] } {
  const island = /<script type="application\/json" id="simulation-data">([^<]*)<\/script>/.exec(
    html,
  );
  expect(island).not.toBeNull();
  return JSON.parse(island![1]);
}

describe('the console’s operations pages: simulation chart, tasks calendar, remittances, dunning', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  const http = () => request(testApp.app.getHttpServer());
  let billed: string;
  let withoutIban: string;
  let remittanceId: string;
  const sessions: Record<'admin' | 'operator' | 'auditor', { cookie: string; csrf: string }> =
    {} as never;
  const get = (path: string, role: keyof typeof sessions = 'operator') =>
    http().get(path).set('Cookie', sessions[role].cookie).set('X-Min-Position', String(given.last));

  beforeAll(async () => {
    testApp = await startTestApp(TEST_CREDITOR);
    given = new BillingFixtures(testApp);
    billed = await given.customer('OPS', 'direct_debit', HOSTILE_NAME);
    await given.activeSubscription(await given.signedContract(billed), 3000);
    // Paid by direct debit with no signed contract: the simulator reports it (rule R12).
    withoutIban = await given.customer('OPP', 'direct_debit', 'Sin Firma SL');
    const unsigned = await given.post(
      '/contracts',
      { customerId: withoutIban, paymentMethod: 'direct_debit' },
      201,
    );
    await given.activeSubscription(unsigned.body.id, 2000);
    await given.post('/billing/runs', { period: LAST_MONTH, customerIds: [billed] }, 201);
    const remitted = await given.post(
      '/collections/remittances',
      { collectionDate: tomorrow(), dueUntil: FAR_FUTURE },
      201,
    );
    remittanceId = remitted.body.id;
    await given.post(
      `/customers/${billed}/tasks`,
      {
        date: TASK_DAY,
        time: '09:30',
        type: 'call',
        colour: '#FF8800',
        title: 'Llamar <b>por el router</b>',
        assignee: 'Luis',
      },
      201,
    );
    sessions.admin = await logIn(testApp, TEST_API_KEYS.admin);
    sessions.operator = await logIn(testApp, TEST_API_KEYS.operator);
    sessions.auditor = await logIn(testApp, TEST_API_KEYS.auditor);
  });
  afterAll(() => testApp.close());

  it('sends a visitor without a session to the login page from every page', async () => {
    for (const path of [
      `/console/customers/${billed}/simulation`,
      '/console/tasks',
      '/console/remittances',
      `/console/remittances/${remittanceId}`,
      `/console/remittances/${remittanceId}/pain.008.xml`,
      '/console/dunning',
    ]) {
      const page = await http().get(path).expect(303);
      expect(page.headers.location).toBe('/console/login');
    }
  });

  it('links the pages from the menu, and the simulation from the customer file for those who may run it', async () => {
    const file = await get(`/console/customers/${billed}`).expect(200);
    for (const link of ['/console/tasks', '/console/remittances', '/console/dunning'])
      expect(file.text).toContain(`href="${link}"`);
    expect(file.text).toContain(`href="/console/customers/${billed}/simulation"`);
    expect(file.text).toContain('Simulación de ciclos');
    const audited = await get(`/console/customers/${billed}`, 'auditor').expect(200);
    expect(audited.text).not.toContain('/simulation"');
  });

  it('charts the next 12 cycles with the API’s own figures, without inline script', async () => {
    const page = await get(`/console/customers/${billed}/simulation`).expect(200);
    expect(page.text).toContain(ESCAPED_NAME);
    expect(page.text).not.toContain('<script>alert(1)');
    const api = await http()
      .post('/api/billing/simulations')
      .set(given.readAfterWrites())
      .send({ customerIds: [billed], cycles: 12 })
      .expect(200);
    const byPeriod = new Map<string, number>();
    for (const contract of api.body.contracts as SimulatedContract[])
      for (const cycle of contract.cycles)
        byPeriod.set(
          cycle.period,
          (byPeriod.get(cycle.period) ?? 0) +
            (cycle.status === 'previewed' ? cycle.invoice!.totals.totalCents : 0),
        );
    const chart = chartDataOf(page.text);
    expect(chart.labels).toEqual([...byPeriod.keys()].sort());
    expect(chart.values).toEqual(chart.labels.map((period) => byPeriod.get(period)! / 100));
    expect(chart.labels.length).toBeGreaterThanOrEqual(12);
    expect(chart.values.some((euros) => euros > 0)).toBe(true);
    for (const period of chart.labels) expect(page.text).toContain(`data-period="${period}"`);
    // Every script is a file of its own or the JSON island: a CSP without 'unsafe-inline' holds.
    for (const tag of page.text.match(/<script[^>]*>/g) ?? [])
      expect(tag).toMatch(/ src="\/console\/assets\/|type="application\/json"/);
    expect(page.text).toContain('src="/console/assets/chart.umd.js"');
    expect(page.text).toContain('src="/console/assets/simulation-chart.js"');
  });

  it('lists the problems the simulation reports, with their codes', async () => {
    const page = await get(`/console/customers/${withoutIban}/simulation`).expect(200);
    expect(page.text).toContain('data-code="R12.DIRECT_DEBIT_WITHOUT_SIGNED_IBAN"');
    expect(page.text).toContain('bloquea la emisión');
    const english = await get(`/console/customers/${withoutIban}/simulation`)
      .set('Accept-Language', 'en')
      .expect(200);
    expect(english.text).toContain('Cycle simulation');
    expect(english.text).toContain('blocks issuance');
  });

  it('shows the simulation to admins and operators, as the API does, and refuses auditors', async () => {
    await get(`/console/customers/${billed}/simulation`, 'admin').expect(200);
    await get(`/console/customers/${billed}/simulation`, 'auditor').expect(403);
    await get('/console/customers/3f1c1a52-8d7e-4b7a-9a55-1d2f8c7b6e10/simulation').expect(404);
    await get('/console/customers/not-an-id/simulation').expect(400);
  });

  it('serves Chart.js and the chart script from the console’s assets', async () => {
    const chartJs = await http().get('/console/assets/chart.umd.js').expect(200);
    expect(chartJs.headers['content-type']).toMatch(/text\/javascript/);
    expect(chartJs.text).toContain('Chart.js v4');
    const script = await http().get('/console/assets/simulation-chart.js').expect(200);
    expect(script.text).toContain("getElementById('simulation-data')");
    const css = await http().get('/console/assets/console.css').expect(200);
    expect(css.text).toContain('table.calendar');
  });

  it('shows the tasks of a month as a calendar grid and of a day by hour, to every role', async () => {
    for (const role of ['admin', 'operator', 'auditor'] as const) {
      const month = await get(`/console/tasks?view=month&month=${TASK_DAY.slice(0, 7)}`, role);
      expect(month.status).toBe(200);
      expect(month.text).toContain('marzo de 2026');
      expect(month.text).toMatch(
        /<td data-day="2026-03-02"[^>]*>[\s\S]*Llamar &lt;b&gt;por el router/,
      );
      expect(month.text).toContain(ESCAPED_NAME);
      // March 2026 begins on a Sunday: six weeks, Monday to Sunday.
      expect(month.text.match(/<tr>\s*<td class="outside"><\/td>/g)).toHaveLength(1);
      expect(month.text).toContain('href="?view=month&amp;month=2026-02"');
      expect(month.text).toContain('href="?view=month&amp;month=2026-04"');
    }
    const day = await get(`/console/tasks?view=day&day=${TASK_DAY}`).expect(200);
    expect(day.text).toContain('<h2 id="hour-09">09:00</h2>');
    expect(day.text).toContain('Llamar &lt;b&gt;por el router&lt;/b&gt;');
    expect(day.text).toContain(`href="/console/customers/${billed}"`);
    expect(day.text).toContain('href="?view=day&amp;day=2026-03-01"');
    expect(day.text).toContain('href="?view=day&amp;day=2026-03-03"');
    const empty = await get('/console/tasks?view=day&day=2026-03-03').expect(200);
    expect(empty.text).toContain('No hay tareas.');
    const today = await get('/console/tasks').expect(200);
    expect(today.text).toContain('<table class="calendar">');
    await get('/console/tasks?view=day').expect(200);
  });

  it('refuses impossible or junk calendar values with a 400 page, never a 500', async () => {
    for (const query of [
      'view=day&day=2026-02-30',
      'day=2026-13-01',
      'view=month&month=2026-13',
      'month=<script>alert(1)</script>',
      'view=week',
      'day=2026-03-02&day=2026-03-03',
      'view=day&view=month',
      'day=99999-01-01',
      'month=1899-12',
    ]) {
      const refused = await get(`/console/tasks?${query}`);
      expect({ query, status: refused.status }).toEqual({ query, status: 400 });
      expect(refused.text).toMatch(/no válid[oa]/);
      expect(refused.text).not.toContain('<script>alert(1)');
    }
  });

  it('lists the remittances and shows one with its effects, IBANs masked, to every role', async () => {
    for (const role of ['admin', 'operator', 'auditor'] as const) {
      const list = await get('/console/remittances', role).expect(200);
      expect(list.text).toContain(`href="/console/remittances/${remittanceId}"`);
      expect(list.text).toContain(`href="/console/remittances/${remittanceId}/pain.008.xml"`);
      expect(list.text).toContain('pendiente de cargo');
    }
    const detail = await get(`/console/remittances/${remittanceId}`, 'auditor').expect(200);
    expect(detail.text).toContain(TEST_CREDITOR.CREDITOR_ID);
    expect(detail.text).toContain(`href="/console/customers/${billed}"`);
    expect(detail.text).toMatch(/<td>ES91[ *]+1332<\/td>/);
    expect(detail.text).not.toContain('ES9121000418450200051332');
    expect(detail.text).toContain('FRST');
    await get('/console/remittances?page=junk').expect(200);
    await get('/console/remittances/3f1c1a52-8d7e-4b7a-9a55-1d2f8c7b6e10').expect(404);
    await get('/console/remittances/junk').expect(400);
  });

  it('downloads the same pain.008 bytes the API sends', async () => {
    const api = await http()
      .get(`/api/collections/remittances/${remittanceId}/pain.008.xml`)
      .set(given.readAfterWrites())
      .buffer(true)
      .expect(200);
    const file = await get(`/console/remittances/${remittanceId}/pain.008.xml`, 'auditor')
      .buffer(true)
      .expect(200);
    expect(file.text).toBe(api.text);
    expect(file.text).toContain('pain.008');
    expect(file.headers['content-type']).toBe(api.headers['content-type']);
    expect(file.headers['content-disposition']).toBe(api.headers['content-disposition']);
    await get('/console/remittances/3f1c1a52-8d7e-4b7a-9a55-1d2f8c7b6e10/pain.008.xml').expect(404);
  });

  it('shows the debt by age and the customers suspended for debt; the run form to operators only', async () => {
    const dunning = await get(`/console/dunning?asOf=${FAR_FUTURE}`, 'auditor').expect(200);
    expect(dunning.text).toContain(`href="/console/customers/${billed}">${ESCAPED_NAME}</a>`);
    expect(dunning.text).toContain('90+ días');
    expect(dunning.text).not.toContain('action="/console/dunning/runs"');
    const operatorPage = await get('/console/dunning').expect(200);
    expect(operatorPage.text).toContain('action="/console/dunning/runs"');
    expect(operatorPage.text).toContain('Suspendidos por impago');
    for (const asOf of ['2026-02-30', 'junk', '<script>'])
      expect((await get(`/console/dunning?asOf=${encodeURIComponent(asOf)}`)).status).toBe(400);
  });

  it('runs dunning as of a day with the API’s command, CSRF-checked, refusals in place', async () => {
    const run = (role: keyof typeof sessions, form: object) =>
      http()
        .post('/console/dunning/runs')
        .set('Cookie', sessions[role].cookie)
        .type('form')
        .send(form);
    const before = await countEvents(testApp);
    await run('operator', { asOf: '2026-03-02' }).expect(403);
    await run('auditor', { _csrf: sessions.auditor.csrf, asOf: '2026-03-02' }).expect(403);
    const refused = await run('operator', {
      _csrf: sessions.operator.csrf,
      asOf: '2026-02-30',
    }).expect(422);
    expect(refused.text).toMatch(/class="error" role="alert">asOf/);
    expect(refused.text).toContain('value="2026-02-30"');
    expect(await countEvents(testApp)).toBe(before);

    const asOf = new Date().toISOString().slice(0, 10);
    const ran = await run('operator', { _csrf: sessions.operator.csrf, asOf }).expect(303);
    expect(ran.headers.location).toBe(`/console/dunning?asOf=${asOf}&ran=${asOf}`);
    const after = await get(ran.headers.location).expect(200);
    expect(after.text).toContain(`Reclamación ejecutada a fecha ${asOf}`);
  });
});
