import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { accessibilityViolations, ARTIFACTS, openConsoleBrowser } from './browser-checks';
import request from 'supertest';
import { BillingFixtures, CUSTOMER_IBAN, recentMonths } from '../support/billing-fixtures';
import { startTestApp, TEST_API_KEYS, TestApp } from '../support/test-app';

const [PERIOD] = recentMonths(1);

describe('the console in Chromium', () => {
  let testApp: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let consoleErrors: string[] = [];
  let customerId: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    await testApp.app.listen(0, '127.0.0.1');
    const { port } = testApp.app.getHttpServer().address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    const registered = await request(testApp.app.getHttpServer())
      .post('/api/customers')
      .set({ Authorization: `Bearer ${TEST_API_KEYS.operator}` })
      .send({
        personType: 'legal',
        name: 'Telecomunicaciones Ñandú SL',
        email: 'navegador@example.es',
        address: { street: 'Calle Mayor 1', city: 'Logroño', postalCode: '26001' },
      })
      .expect(201);
    customerId = registered.body.id;
    await request(testApp.app.getHttpServer())
      .patch(`/api/customers/${customerId}`)
      .set({ Authorization: `Bearer ${TEST_API_KEYS.operator}` })
      .send({ email: 'cambiado@example.es' })
      .expect(200);
    const given = new BillingFixtures(testApp);
    // A customer-level IBAN other than the signature's: the contracts tab warns (rule R4).
    await request(testApp.app.getHttpServer())
      .put(`/api/customers/${customerId}/billing-settings`)
      .set({ Authorization: `Bearer ${TEST_API_KEYS.operator}` })
      .send({
        billingEnabled: true,
        paymentMethod: 'direct_debit',
        billingDay: 1,
        invoiceSeries: 'NAV',
        iban: CUSTOMER_IBAN,
      })
      .expect(200);
    const { contractId } = await given
      .signedContract(customerId)
      .then((id) => ({ contractId: id }));
    await given.activeSubscription(contractId, 3990);
    await given.post('/billing/runs', { period: PERIOD, customerIds: [customerId] }, 201);
    await request(testApp.app.getHttpServer())
      .get(`/api/customers/${customerId}/invoices`)
      .set(given.readAfterWrites())
      .expect(200);
    ({ browser, page, consoleErrors } = await openConsoleBrowser());
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('logs in with the keyboard alone', async () => {
    await page.goto(`${base}/console/customers`);
    expect(page.url()).toBe(`${base}/console/login`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Tab'); // the key (autofocus may already be there)
    await page.locator('#apiKey').focus();
    await page.keyboard.type(TEST_API_KEYS.admin);
    await Promise.all([page.waitForURL(`${base}/console/customers`), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toBe('Clientes');
    expect(await page.evaluate('document.cookie')).not.toContain('console_session');
  });

  it('searches a customer and opens the file, accessible', async () => {
    await page.fill('#q', 'Ñandú');
    await Promise.all([page.waitForURL(/q=/), page.press('#q', 'Enter')]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await Promise.all([
      page.waitForURL(`${base}/console/customers/${customerId}`),
      page.click(`a[href="/console/customers/${customerId}"]`),
    ]);
    expect(await page.locator('h1').textContent()).toBe('Telecomunicaciones Ñandú SL');
    expect(await page.locator('#tab').textContent()).toContain('Logroño');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'customer-file.png'), fullPage: true });
  });

  it('opens each tab through htmx', async () => {
    for (const [tab, heading] of [
      ['invoices', 'Facturas de venta'],
      ['effects', 'Efectos pendientes'],
      ['sends', 'Envíos'],
      ['tickets', 'Tickets'],
      ['tasks', 'Tareas'],
      ['forms', 'Formularios adicionales'],
      ['addresses', 'Direcciones'],
      ['contacts', 'Contactos'],
      ['contracts', 'Contratos y suscripciones'],
      ['history', 'Histórico'],
      ['interactions', 'Interacciones'],
      ['profile', 'Ficha'],
    ]) {
      await page.click(`nav.tabs a[href$="tab=${tab}"]`);
      await page.locator('#tab h2', { hasText: new RegExp(`^${heading}$`) }).waitFor();
      expect(page.url()).toContain(`tab=${tab}`);
      expect(await accessibilityViolations(page)).toEqual([]);
    }
  });

  it('opens an invoice, issues a credit note and records a payment typed in euros', async () => {
    await page.click('nav.tabs a[href$="tab=invoices"]');
    await page.waitForSelector('#tab td a[href*="invoice="]');
    await page.click('#tab td a[href*="invoice="]');
    await page.waitForSelector('form.credit-note');
    expect(page.url()).toContain('invoice=');
    expect(await page.locator('.invoice').textContent()).toContain('Líneas');
    await page.fill('#credit-reason', 'Avería del 3 al 5');
    await page.fill('#credit-amount', 'diez');
    await page.click('form.credit-note button');
    await page.waitForSelector('.invoice .error[role="alert"]');
    expect(await page.inputValue('#credit-amount')).toBe('diez');
    await page.fill('#credit-amount', '10,00');
    await Promise.all([page.waitForURL(/invoice=/), page.click('form.credit-note button')]);
    await page.locator('.invoice', { hasText: 'Avería del 3 al 5' }).waitFor();
    await page.fill('#payment-amount', '5,50');
    await page.selectOption('#payment-method', 'cash');
    await Promise.all([page.waitForURL(/invoice=/), page.click('form.payment button')]);
    await page.locator('.invoice', { hasText: '5,50' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const pdf = await page.request.get(
      `${base}${await page.locator('.invoice a[type="application/pdf"]').first().getAttribute('href')}`,
    );
    expect(pdf.headers()['content-type']).toBe('application/pdf');
  });

  it('records an interaction and sees it in the history; a refusal shows in place', async () => {
    await page.click('nav.tabs a[href$="tab=interactions"]');
    await page.waitForSelector('#text');
    await page.selectOption('#kind', 'call');
    await page.fill('#text', 'Pide la factura de marzo en papel');
    await Promise.all([page.waitForURL(/tab=history/), page.click('form.inline-form button')]);
    expect(await page.locator('#tab').textContent()).toContain('Interaction recorded: call');
    expect(await page.locator('nav.tabs a[aria-current="page"]').textContent()).toBe('Histórico');

    await page.click('nav.tabs a[href$="tab=interactions"]');
    await page.waitForSelector('#text');
    await page.fill('#text', 'x'.repeat(10_001));
    await page.click('form.inline-form button');
    await page.waitForSelector('#tab .error[role="alert"]');
    expect(await page.locator('#tab .error').textContent()).toContain('text');
    expect((await page.inputValue('#text')).length).toBe(10_001);
  });

  it('moves a subscription to active-not-billable and sees the contracts tab change', async () => {
    await page.click('nav.tabs a[href$="tab=contracts"]');
    await page.waitForSelector('td.status');
    expect(await page.locator('td.status').textContent()).toBe('active');
    expect(await page.locator('#tab .warning').count()).toBeGreaterThan(0);
    await Promise.all([
      page.waitForURL(/tab=contracts/),
      page.click('button[value="active-not-billable"]'),
    ]);
    await page.waitForSelector('button[value="active-billable"]');
    expect(await page.locator('td.status').textContent()).toBe('active-not-billable');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("changes the signature's IBAN, typed with spaces, and sees the contract's masked IBAN change", async () => {
    await page.click('nav.tabs a[href$="tab=contracts"]');
    await page.waitForSelector('form.iban');
    await page.fill('form.iban input[name="iban"]', 'ES00 1234');
    await page.fill('form.iban input[name="mandateReference"]', 'MANDATO-NAVEGADOR');
    await page.click('form.iban button');
    await page.waitForSelector('form.iban .error[role="alert"]');
    expect(await page.inputValue('form.iban input[name="iban"]')).toBe('ES00 1234');
    await page.fill('form.iban input[name="iban"]', 'es76 2077 0024 0031 0257 5766');
    await Promise.all([page.waitForURL(/tab=contracts/), page.click('form.iban button')]);
    await page.locator('#tab', { hasText: '5766' }).waitFor();
    expect(await page.locator('form.iban .error').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('scrubs the timeline to version 1, the changed e-mail marked', async () => {
    await Promise.all([page.waitForURL(/timeline/), page.click('a[href$="/timeline"]')]);
    await page.focus('#version');
    await page.keyboard.press('Home');
    expect(await page.inputValue('#version')).toBe('1');
    // The slider's value shown by the console's own script, under its CSP.
    expect(await page.locator('#version-shown').textContent()).toBe('1');
    await Promise.all([page.waitForURL(/version=1/), page.click('form.slider button')]);
    expect(await page.locator('#at-title').textContent()).toContain('1');
    const changed = page.locator('section[aria-labelledby="at-title"] tr.changed');
    expect(await changed.first().textContent()).toContain('navegador@example.es');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'timeline.png'), fullPage: true });
  });

  it('wrote nothing to the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
