import request from 'supertest';
import { BillingFixtures, recentMonths } from '../support/billing-fixtures';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from '../support/test-app';
import { logIn } from './console-session';

const [PERIOD] = recentMonths(1);
const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };

describe('the console: invoices, pending effects and the money forms of the customer file', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  const http = () => request(testApp.app.getHttpServer());
  let customerId: string;
  let contractId: string;
  let invoiceId: string;
  let invoiceNumber: string;
  let session: { cookie: string; csrf: string };

  beforeAll(async () => {
    testApp = await startTestApp();
    given = new BillingFixtures(testApp);
    ({ customerId, contractId } = await given.billedContract('CON', 3000));
    const run = await given.post(
      '/billing/runs',
      { period: PERIOD, customerIds: [customerId] },
      201,
    );
    ({ invoiceId, number: invoiceNumber } = run.body.issued[0]);
    await http().get(`/api/invoices/${invoiceId}`).set(given.readAfterWrites()).expect(200);
    session = await logIn(testApp, TEST_API_KEYS.operator);
  });
  afterAll(() => testApp.close());

  const get = (path: string) => http().get(path).set('Cookie', session.cookie);
  const post = (path: string, form: object, csrf = session.csrf) =>
    http()
      .post(path)
      .set('Cookie', session.cookie)
      .type('form')
      .send({ _csrf: csrf, ...form });
  const invoiceTab = () =>
    get(`/console/customers/${customerId}?tab=invoices&invoice=${invoiceId}`).expect(200);

  it('lists the invoices with a PDF link each, and opens one with its lines', async () => {
    const tab = await get(`/console/customers/${customerId}/tabs/invoices`).expect(200);
    expect(tab.text).toContain(invoiceNumber);
    expect(tab.text).toContain(
      `/console/customers/${customerId}/invoices/${invoiceId}/document.pdf`,
    );
    const opened = await invoiceTab();
    expect(opened.text).toContain('Líneas');
    expect(opened.text).toContain('36,30');
    expect(opened.text).toContain('Emitir rectificativa');
  });

  it('serves the invoice as the API prints it, and nothing of another customer', async () => {
    const pdf = await get(`/console/customers/${customerId}/invoices/${invoiceId}/document.pdf`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const other = await given.customer('CON', 'transfer', 'Otra SL');
    await get(`/console/customers/${other}/invoices/${invoiceId}/document.pdf`).expect(404);
    await get(`/console/customers/${other}?tab=invoices&invoice=${invoiceId}`)
      .expect(200)
      .expect((page) => expect(page.text).not.toContain('Emitir rectificativa'));
  });

  it('shows the pending effect the direct-debit invoice left, and the statement', async () => {
    const tab = await get(`/console/customers/${customerId}/tabs/effects`).expect(200);
    expect(tab.text).toContain('Efectos pendientes');
    expect(tab.text).toContain('36,30');
    expect(tab.text).toContain('sin remesar');
    expect(tab.text).toContain('Extracto');
  });

  it('refuses an amount that is not euros, or a credit above the invoice, in place, writing nothing', async () => {
    const before = await countEvents(testApp);
    const path = `/console/customers/${customerId}/invoices/${invoiceId}/credit-notes`;
    const notEuros = await post(path, { reason: 'Avería', amount: 'doce' }).expect(422);
    expect(notEuros.text).toContain('Importe no válido');
    expect(notEuros.text).toContain('value="doce"');
    const tooMuch = await post(path, { reason: 'Avería', amount: '999,00' })
      .set('HX-Request', 'true')
      .expect(200);
    expect(tooMuch.text).toContain('role="alert"');
    expect(tooMuch.text).not.toContain('<html');
    const noReason = await post(path, { reason: '', amount: '1' }).expect(422);
    expect(noReason.text).toContain('reason');
    await post(path, { reason: 'Sin token', amount: '1' }, '').expect(403);
    expect(await countEvents(testApp)).toBe(before);
  });

  it('issues a credit note of a net amount typed with a decimal comma, and shows it on the invoice', async () => {
    const path = `/console/customers/${customerId}/invoices/${invoiceId}/credit-notes`;
    const granted = await post(path, { reason: 'Corte de servicio 3–5 marzo', amount: '12,10' });
    expect(granted.status).toBe(303);
    expect(granted.headers.location).toBe(
      `/console/customers/${customerId}?tab=invoices&invoice=${invoiceId}`,
    );
    const invoice = await http().get(`/api/invoices/${invoiceId}`).set(operator).expect(200);
    expect(invoice.body.creditNotes).toHaveLength(1);
    expect(invoice.body.creditNotes[0].totals).toMatchObject({ netCents: 1210, totalCents: 1464 });
    const opened = await invoiceTab();
    expect(opened.text).toContain('Corte de servicio 3–5 marzo');
    expect(opened.text).toContain(
      `/console/customers/${customerId}/invoices/${invoice.body.creditNotes[0].id}/document.pdf`,
    );
  });

  it('records a payment, refusing an impossible date and more than is owed', async () => {
    const before = await countEvents(testApp);
    const path = `/console/customers/${customerId}/invoices/${invoiceId}/payments`;
    const badDate = await post(path, { amount: '5', method: 'cash', paidOn: '2026-02-30' });
    expect(badDate.status).toBe(422);
    expect(badDate.text).toContain('Fecha no válida');
    const tooMuch = await post(path, { amount: '1.000,00', method: 'cash', paidOn: '' });
    expect(tooMuch.status).toBe(422);
    const badMethod = await post(path, { amount: '5', method: 'bitcoin', paidOn: '' });
    expect(badMethod.status).toBe(422);
    expect(badMethod.text).toContain('method');
    expect(await countEvents(testApp)).toBe(before);

    const paid = await post(path, { amount: '5,00', method: 'cash', paidOn: '2026-01-15' });
    expect(paid.status).toBe(303);
    const invoice = await http().get(`/api/invoices/${invoiceId}`).set(operator).expect(200);
    expect(invoice.body.payments).toEqual([
      expect.objectContaining({ amountCents: 500, method: 'cash', paidAt: expect.any(String) }),
    ]);
    expect(invoice.body.payments[0].paidAt.slice(0, 10)).toMatch(/^2026-01-1[45]$/);
  });

  it("changes the signature's IBAN typed with spaces; refuses a bad one in place", async () => {
    const path = `/console/customers/${customerId}/contracts/${contractId}/iban`;
    const before = await countEvents(testApp);
    const bad = await post(path, { iban: 'ES00 1234', mandateReference: 'MANDATO-2' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('role="alert"');
    expect(bad.text).toContain('value="ES00 1234"');
    expect(await countEvents(testApp)).toBe(before);

    const changed = await post(path, {
      iban: 'es76 2077 0024 0031 0257 5766',
      mandateReference: 'MANDATO-2',
    });
    expect(changed.status).toBe(303);
    const contract = await http().get(`/api/contracts/${contractId}`).set(operator).expect(200);
    expect(contract.body.mandateReference).toBe('MANDATO-2');
    const tab = await get(`/console/customers/${customerId}?tab=contracts`).expect(200);
    expect(tab.text).toContain('5766');
    const other = await given.customer('CON', 'transfer', 'Ajena SL');
    await post(`/console/customers/${other}/contracts/${contractId}/iban`, {
      iban: 'ES7620770024003102575766',
      mandateReference: 'X',
    }).expect(404);
  });

  it("searches with the advanced filters as the API's list takes them; a bad filter is a 400 in place", async () => {
    const mismatched = await get(
      '/console/customers?ibanMismatch=true&paymentMethod=direct_debit',
    ).expect(200);
    expect(mismatched.text).toContain(`/console/customers/${customerId}"`);
    expect(mismatched.text).toMatch(/<details open>/);
    const matched = await get('/console/customers?ibanMismatch=false&q=Facturada').expect(200);
    expect(matched.text).not.toContain(`/console/customers/${customerId}"`);
    const badDate = await get('/console/customers?createdFrom=2026-02-30').expect(400);
    expect(badDate.text).toContain('role="alert"');
    expect(badDate.text).toContain('createdFrom');
    expect(badDate.text).toContain('value="2026-02-30"');
    await get('/console/customers?billingEnabled=quiz%C3%A1s').expect(400);
    await get(`/console/customers?q=${'%00'.repeat(3)}`).expect((res) =>
      expect(res.status).toBeLessThan(500),
    );
  });

  it('shows an auditor the tabs without any form, and refuses the auditor a payment', async () => {
    const auditor = await logIn(testApp, TEST_API_KEYS.auditor);
    const page = await http()
      .get(`/console/customers/${customerId}?tab=invoices&invoice=${invoiceId}`)
      .set('Cookie', auditor.cookie)
      .expect(200);
    expect(page.text).not.toContain('Registrar cobro');
    await http()
      .post(`/console/customers/${customerId}/invoices/${invoiceId}/payments`)
      .set('Cookie', auditor.cookie)
      .type('form')
      .send({ _csrf: auditor.csrf, amount: '1', method: 'cash' })
      .expect(403);
  });

  it('shows the sends, tickets, tasks and forms tabs with what the API recorded', async () => {
    await given.post(
      `/customers/${customerId}/tickets`,
      {
        subject: 'Sin conexión en Logroño',
        description: 'El router parpadea en rojo',
        category: 'technical',
        priority: 'high',
      },
      201,
    );
    await http()
      .get(`/api/customers/${customerId}/tickets`)
      .set(given.readAfterWrites())
      .expect(200);
    const tickets = await get(`/console/customers/${customerId}/tabs/tickets`).expect(200);
    expect(tickets.text).toContain('Sin conexión en Logroño');
    for (const tab of ['sends', 'tasks', 'forms'])
      await get(`/console/customers/${customerId}/tabs/${tab}`).expect(200);
  });

  it('reduces, then cancels, the pending effect from its tab; bad amounts and no reason refused in place', async () => {
    const account = () =>
      http().get(`/api/customers/${customerId}/account`).set(operator).expect(200);
    const [effect] = (await account()).body.pendingEffects as { id: string; amountCents: number }[];
    const path = `/console/customers/${customerId}/effects/${effect.id}`;
    const before = await countEvents(testApp);
    const badAmount = await post(path, {
      invoiceId,
      action: 'reduce',
      reason: 'Acuerdo',
      amount: 'diez',
    });
    expect(badAmount.status).toBe(422);
    expect(badAmount.text).toContain('Importe no válido');
    const above = await post(path, {
      invoiceId,
      action: 'reduce',
      reason: 'Acuerdo',
      amount: '999',
    });
    expect(above.status).toBe(422);
    expect(above.text).toContain('role="alert"');
    const noReason = await post(path, { invoiceId, action: 'cancel', reason: '' });
    expect(noReason.status).toBe(422);
    await post(path, {
      invoiceId: '3f1c1a52-8d7e-4b7a-9a55-1d2f8c7b6e10',
      action: 'cancel',
      reason: 'x',
    }).expect(404);
    expect(await countEvents(testApp)).toBe(before);

    const reduced = await post(path, {
      invoiceId,
      action: 'reduce',
      reason: 'Acuerdo de pago',
      amount: '10,00',
    });
    expect(reduced.status).toBe(303);
    expect(reduced.headers.location).toBe(`/console/customers/${customerId}?tab=effects`);
    expect((await account()).body.pendingEffects[0].amountCents).toBe(1000);
    const cancelled = await post(path, {
      invoiceId,
      action: 'cancel',
      reason: 'Pagará en ventanilla',
    });
    expect(cancelled.status).toBe(303);
    expect((await account()).body.pendingEffects).toEqual([]);
    const tab = await get(`/console/customers/${customerId}/tabs/effects`).expect(200);
    expect(tab.text).toContain('Ningún efecto pendiente');
  });
});
