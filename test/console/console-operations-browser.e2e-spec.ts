import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { accessibilityViolations, ARTIFACTS, openConsoleBrowser } from './browser-checks';
import { BillingFixtures, recentMonths } from '../support/billing-fixtures';
import { TEST_CREDITOR, tomorrow } from '../support/collections';
import { startTestApp, TEST_API_KEYS, TestApp } from '../support/test-app';

/** Today in Madrid, as the calendar opens on it. */
const madridToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid' }).format(new Date());

describe('the console’s operations pages in Chromium', () => {
  let testApp: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let consoleErrors: string[] = [];
  let customerId: string;

  beforeAll(async () => {
    testApp = await startTestApp(TEST_CREDITOR);
    await testApp.app.listen(0, '127.0.0.1');
    const { port } = testApp.app.getHttpServer().address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    const given = new BillingFixtures(testApp);
    customerId = await given.customer('NAV', 'direct_debit', 'Telecomunicaciones Ñandú SL');
    await given.activeSubscription(await given.signedContract(customerId), 3990);
    // A second line on a contract not signed yet: the simulation lists its problem.
    const unsigned = await given.post(
      '/contracts',
      { customerId, paymentMethod: 'direct_debit' },
      201,
    );
    await given.activeSubscription(unsigned.body.id, 1500);
    await given.post(
      '/billing/runs',
      { period: recentMonths(2)[0], customerIds: [customerId] },
      201,
    );
    await given.post(
      '/collections/remittances',
      { collectionDate: tomorrow(), dueUntil: '2035-12-31' },
      201,
    );
    await given.post(
      `/customers/${customerId}/tasks`,
      {
        date: madridToday(),
        time: '10:00',
        type: 'task',
        colour: '#0B3D6B',
        title: 'Instalar la ONT',
        assignee: 'Luis',
      },
      201,
    );
    ({ browser, page, consoleErrors } = await openConsoleBrowser());
    await page.goto(`${base}/console/login`);
    await page.fill('#apiKey', TEST_API_KEYS.operator);
    await Promise.all([
      page.waitForURL(`${base}/console/customers`),
      page.press('#apiKey', 'Enter'),
    ]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('draws the simulation chart from the customer file, under a CSP without inline scripts, accessible', async () => {
    await page.goto(`${base}/console/customers/${customerId}`);
    const [served] = await Promise.all([
      page.waitForResponse(/\/simulation$/),
      page.click('a[href$="/simulation"]'),
    ]);
    // The console's own CSP (console-security-headers.ts): scripts from its files only.
    expect(served.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(served.headers()['content-security-policy']).not.toContain('unsafe');
    await page.waitForSelector('#simulation-chart[data-drawn="true"]');
    // How many of the canvas's pixels Chart.js painted (a string: the tests have no DOM types).
    const painted = (await page.evaluate(`(() => {
      const canvas = document.getElementById('simulation-chart');
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let opaque = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) opaque += 1;
      return { opaque, width: canvas.width, height: canvas.height };
    })()`)) as { opaque: number; width: number; height: number };
    expect(painted.width).toBeGreaterThan(300);
    expect(painted.opaque).toBeGreaterThan(1000);
    expect(await page.locator('tbody tr[data-period]').count()).toBeGreaterThanOrEqual(12);
    expect(await page.locator('.problems li').first().textContent()).toContain('R12.');
    expect(consoleErrors).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'simulation.png'), fullPage: true });
  });

  it('opens the tasks calendar by month, then a day, accessible', async () => {
    await Promise.all([
      page.waitForURL(`${base}/console/tasks`),
      page.click('header nav a[href="/console/tasks"]'),
    ]);
    const today = madridToday();
    expect(await page.locator(`td[data-day="${today}"] li.task`).textContent()).toContain(
      'Instalar la ONT',
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await Promise.all([
      page.waitForURL(/view=day/),
      page.click(`td[data-day="${today}"] a.day-number`),
    ]);
    expect(await page.locator('#hour-10').textContent()).toBe('10:00');
    expect(await accessibilityViolations(page)).toEqual([]);
    await Promise.all([
      page.waitForURL(/view=month/),
      page.click('nav.tabs a[href*="view=month"]'),
    ]);
    expect(await page.locator('table.calendar').count()).toBe(1);
  });

  it('lists the remittances and opens one, accessible', async () => {
    await Promise.all([
      page.waitForURL(`${base}/console/remittances`),
      page.click('header nav a[href="/console/remittances"]'),
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await Promise.all([
      page.waitForURL(/\/console\/remittances\/[0-9a-f-]{36}$/),
      page.click('tbody a[href^="/console/remittances/"]:not([download])'),
    ]);
    expect(await page.locator('main').textContent()).toContain('NAV-000001');
    expect(await page.locator('a[href$="/pain.008.xml"]').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows the dunning page, accessible', async () => {
    await Promise.all([
      page.waitForURL(`${base}/console/dunning`),
      page.click('header nav a[href="/console/dunning"]'),
    ]);
    expect(await page.locator('h1').textContent()).toBe('Impagos');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.fill('#asOf', '2035-12-31');
    await Promise.all([page.waitForURL(/asOf=2035-12-31/), page.click('form.search button')]);
    expect(await page.locator('table.ageing tbody').textContent()).toContain(
      'Telecomunicaciones Ñandú SL',
    );
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('wrote nothing to the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
