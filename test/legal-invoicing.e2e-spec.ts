import { BillingFixtures, nextMonth, operator, recentMonths } from './support/billing-fixtures';
import { startTestApp, TestApp } from './support/test-app';
import jsQR from 'jsqr';
import {
  firstPageRaster,
  pdfText,
} from '../libs/application/src/invoices/document/testing/poppler';

const [EARLIER, CURRENT] = recentMonths(2);

interface ChainItem {
  sequence: number;
  kind: string;
  numSerie: string;
  tipoFactura: string | null;
  importeTotalCents: number;
  record: {
    recipient: { name: string; nif: string } | null;
    rectified: { numSerie: string } | null;
    previous: { numSerie: string; huella: string } | null;
    huella: string;
    invoice: { issuerNif: string; issueDate: string };
  };
}

/** Today in the tenant's time zone (Europe/Madrid), as the API dates invoices. */
const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid' }).format(new Date());

describe('Legal invoicing: dates follow numbers, the VERI*FACTU chain of every invoice and credit note (rules 21, 22)', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  const http = () => given.http();

  beforeAll(async () => {
    testApp = await startTestApp({ ISSUER_LEGAL_NAME: 'Fibra Norte SL', ISSUER_NIF: 'B76365782' });
    given = new BillingFixtures(testApp);
  });
  afterAll(() => testApp.close());

  const chain = async (): Promise<ChainItem[]> =>
    (
      await http()
        .get('/api/verifactu/issuers/default/chain?pageSize=100')
        .set(given.readAfterWrites())
        .expect(200)
    ).body.items;

  it('a run for a cycle not started yet drafts nothing and says why', async () => {
    const { customerId } = await given.billedContract('LFUT');
    const run = await given.post(
      '/billing/runs',
      { period: nextMonth(), customerIds: [customerId] },
      201,
    );
    expect(run.body.issued).toEqual([]);
    expect(run.body.problems).toEqual([
      expect.objectContaining({ code: 'R8.CYCLE_NOT_STARTED', customerId, blocksIssuance: true }),
    ]);
  });

  it('refuses a run asking for an issue date after today, writing nothing', async () => {
    const { customerId } = await given.billedContract('LREF');
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const refused = await http()
      .post('/api/billing/runs')
      .set(operator)
      .send({ period: CURRENT, customerIds: [customerId], issueDate: tomorrow })
      .expect(422);
    expect(refused.body.details).toEqual([
      expect.objectContaining({ code: 'R8.DATED_IN_FUTURE', field: 'issueDate' }),
    ]);
  });

  it('issues a late run for an earlier cycle today, after a later one, with its period on the lines: dates follow numbers', async () => {
    const first = await given.billedContract('LORD');
    const second = await given.billedContract('LORD');
    const current = await given.post(
      '/billing/runs',
      { period: CURRENT, customerIds: [first.customerId] },
      201,
    );
    const late = await given.post(
      '/billing/runs',
      { period: EARLIER, customerIds: [second.customerId] },
      201,
    );
    const [a] = current.body.issued;
    const [b] = late.body.issued;
    expect([a.number, b.number]).toEqual(['LORD-000001', 'LORD-000002']);
    expect(a.issueDate).toBe(today());
    expect(b.issueDate).toBe(today());
    expect(b.billingPeriod.from).toBe(`${EARLIER}-01`);
    const invoice = await http()
      .get(`/api/invoices/${b.invoiceId}`)
      .set(given.readAfterWrites())
      .expect(200);
    expect(invoice.body.lines[0].period.from).toBe(`${EARLIER}-01`);
    expect(invoice.body.issuer).toMatchObject({
      issuerId: 'default',
      legalName: 'Fibra Norte SL',
      nif: 'B76365782',
    });
  });

  it('chains a registration record for each invoice issued and a rectifying one for each credit note, and the chain verifies', async () => {
    const customerId = await given.customer('LCH');
    await http()
      .put(`/api/customers/${customerId}/billing-settings`)
      .set(operator)
      .send({ taxId: 'B12345674' })
      .expect(200)
      .then((res) => given.track(res));
    const contractId = await given.signedContract(customerId);
    await given.activeSubscription(contractId, 3000);
    const simplified = await given.billedContract('LCH');
    const run = await given.post(
      '/billing/runs',
      { period: CURRENT, customerIds: [customerId, simplified.customerId] },
      201,
    );
    const withTaxId = run.body.issued.find(
      (i: { customerId: string }) => i.customerId === customerId,
    );
    const credit = await given.post(
      `/invoices/${withTaxId.invoiceId}/credit-notes`,
      { reason: 'Avería de 3 días', amountCents: 300 },
      201,
    );

    const records = (await chain()).filter((item) => item.numSerie.includes('LCH-'));
    const byNumber = new Map(records.map((item) => [item.numSerie, item]));
    const invoiceRecord = byNumber.get(withTaxId.number)!;
    expect(invoiceRecord).toMatchObject({
      kind: 'registration',
      tipoFactura: 'F1',
      importeTotalCents: 3630,
    });
    expect(invoiceRecord.record.recipient).toEqual({ name: 'Facturada SL', nif: 'B12345674' });
    expect(invoiceRecord.record.invoice).toEqual({
      issuerNif: 'B76365782',
      numSerie: withTaxId.number,
      issueDate: today(),
    });
    const simplifiedInvoice = run.body.issued.find(
      (i: { customerId: string }) => i.customerId === simplified.customerId,
    );
    expect(byNumber.get(simplifiedInvoice.number)).toMatchObject({ tipoFactura: 'F2' });
    expect(byNumber.get(simplifiedInvoice.number)!.record.recipient).toBeNull();
    const creditRecord = byNumber.get(credit.body.number)!;
    expect(creditRecord).toMatchObject({
      kind: 'registration',
      tipoFactura: 'R1',
      importeTotalCents: -363,
    });
    expect(creditRecord.record.rectified).toMatchObject({ numSerie: withTaxId.number });

    const all = await chain();
    all.forEach((item, index) => {
      expect(item.sequence).toBe(index);
      expect(item.record.previous?.huella ?? null).toBe(
        index === 0 ? null : all[index - 1].record.huella,
      );
    });
    const verification = await http()
      .get('/api/verifactu/issuers/default/chain/verification')
      .set(given.readAfterWrites())
      .expect(200);
    expect(verification.body).toEqual({ issuerId: 'default', valid: true, records: all.length });
  });

  it('prints a credit note as a PDF with its rectified invoice, NIFs and totals, and the AEAT QR of its record', async () => {
    const { customerId } = await given.billedContract('LPDF');
    const run = await given.post(
      '/billing/runs',
      { period: CURRENT, customerIds: [customerId] },
      201,
    );
    const [invoice] = run.body.issued;
    const credit = await given.post(
      `/invoices/${invoice.invoiceId}/credit-notes`,
      { reason: 'Avería de fibra: 3 días sin servicio', amountCents: 300 },
      201,
    );
    const pdfOf = async (id: string, language?: string) => {
      const res = await http()
        .get(`/api/invoices/${id}/document.pdf`)
        .set({ ...given.readAfterWrites(), ...(language ? { 'Accept-Language': language } : {}) })
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      return res.body as Buffer;
    };
    const pdf = await pdfOf(credit.body.creditNoteId);
    const text = pdfText(pdf);
    expect(text).toContain(credit.body.number);
    expect(text).toContain('B76365782');
    expect(text).toContain('Fibra Norte SL');
    expect(text).toContain(`Rectifica la factura ${invoice.number}`);
    expect(text).toContain('-3,63');
    expect(text).toContain('QR tributario:');
    expect(text).toContain('VERI*FACTU');
    const { width, height, rgba } = firstPageRaster(pdf, 150, 11.7 / 3);
    const qr = jsQR(rgba, width, height);
    const [day, month, year] = [today().slice(8, 10), today().slice(5, 7), today().slice(0, 4)];
    expect(qr?.data).toBe(
      `https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR?nif=B76365782&numserie=${credit.body.number}&fecha=${day}-${month}-${year}&importe=-3.63`,
    );
    expect(pdfText(await pdfOf(invoice.invoiceId, 'en-GB,en;q=0.9'))).toContain('Invoice');
    await http()
      .get('/api/invoices/00000000-0000-4000-8000-000000000000/document.pdf')
      .set(given.readAfterWrites())
      .expect(404);
  });

  it('annuls an invoice issued by mistake with a RegistroAnulacion chained after its registration; a paid one is refused', async () => {
    const mistaken = await given.billedContract('LANU');
    const paid = await given.billedContract('LANU');
    const run = await given.post(
      '/billing/runs',
      { period: CURRENT, customerIds: [mistaken.customerId, paid.customerId] },
      201,
    );
    const invoiceOf = (customerId: string) =>
      run.body.issued.find((i: { customerId: string }) => i.customerId === customerId);
    const wrong = invoiceOf(mistaken.customerId);
    const right = invoiceOf(paid.customerId);
    await given.post(
      `/invoices/${right.invoiceId}/payments`,
      { amountCents: 1000, method: 'cash', paidAt: today() },
      201,
    );
    const refused = await http()
      .post(`/api/invoices/${right.invoiceId}/cancellation`)
      .set(operator)
      .send({ reason: 'Por error' })
      .expect(422);
    expect(refused.body.details).toEqual([
      expect.objectContaining({ code: 'INVOICE.NOT_CANCELLABLE' }),
    ]);

    await given.post(
      `/invoices/${wrong.invoiceId}/cancellation`,
      { reason: 'Cliente de baja' },
      200,
    );
    await http()
      .post(`/api/invoices/${wrong.invoiceId}/cancellation`)
      .set(operator)
      .send({ reason: 'Otra vez' })
      .expect(422);
    const annulled = await http()
      .get(`/api/invoices/${wrong.invoiceId}`)
      .set(given.readAfterWrites())
      .expect(200);
    expect(annulled.body).toMatchObject({ status: 'cancelled', outstandingCents: 0 });
    expect(annulled.body.effects).toEqual([expect.objectContaining({ status: 'cancelled' })]);

    const records = await chain();
    const ofWrong = records.filter((item) => item.numSerie === wrong.number);
    expect(ofWrong.map((item) => item.kind)).toEqual(['registration', 'cancellation']);
    expect(ofWrong[1].sequence).toBe(records.length - 1);
    const verification = await http()
      .get('/api/verifactu/issuers/default/chain/verification')
      .set(given.readAfterWrites())
      .expect(200);
    expect(verification.body).toMatchObject({ valid: true, records: records.length });
  });

  it('bills an annulled cycle again: a new invoice with a new number, the annulled one stays annulled, the chain verifies', async () => {
    // given a customer whose invoice for this month was issued by mistake (wrong price) and annulled
    const { customerId, contractId } = await given.billedContract('LREB', 3000);
    const first = await given.post(
      '/billing/runs',
      { period: CURRENT, customerIds: [customerId] },
      201,
    );
    const [mistaken] = first.body.issued;
    await given.post(
      `/invoices/${mistaken.invoiceId}/cancellation`,
      { reason: 'Precio erróneo' },
      200,
    );

    // then the simulator previews the cycle as billable again
    const simulated = await http()
      .post('/api/billing/simulations')
      .set(given.readAfterWrites())
      .send({ cycles: 1, from: `${CURRENT}-01`, customerIds: [customerId] })
      .expect(200);
    const [contract] = simulated.body.contracts;
    expect(contract.contractId).toBe(contractId);
    expect(contract.cycles[0]).toMatchObject({ period: CURRENT, status: 'previewed' });
    expect(contract.cycles[0].invoice.totals.totalCents).toBe(3630);

    // when the period is billed again
    const again = await given.post(
      '/billing/runs',
      { period: CURRENT, customerIds: [customerId] },
      201,
    );

    // then a new invoice, with the next number, holds the cycle
    expect(again.body.problems).toEqual([]);
    expect(again.body.alreadyIssued).toBe(0);
    const [reissued] = again.body.issued;
    expect(reissued).toMatchObject({ contractId, cyclePeriod: CURRENT, number: 'LREB-000002' });
    expect(reissued.invoiceId).not.toBe(mistaken.invoiceId);
    const annulled = await http()
      .get(`/api/invoices/${mistaken.invoiceId}`)
      .set(given.readAfterWrites())
      .expect(200);
    expect(annulled.body).toMatchObject({ status: 'cancelled', formatted: 'LREB-000001' });
    const standing = await http()
      .get(`/api/invoices/${reissued.invoiceId}`)
      .set(given.readAfterWrites())
      .expect(200);
    expect(standing.body).toMatchObject({ status: 'pending', outstandingCents: 3630 });

    // and a third run issues nothing; the simulation marks the cycle issued by the new invoice
    const third = await given.post(
      '/billing/runs',
      { period: CURRENT, customerIds: [customerId] },
      201,
    );
    expect(third.body).toMatchObject({ issued: [], alreadyIssued: 1 });
    const resimulated = await http()
      .post('/api/billing/simulations')
      .set(given.readAfterWrites())
      .send({ cycles: 1, from: `${CURRENT}-01`, customerIds: [customerId] })
      .expect(200);
    expect(resimulated.body.contracts[0].cycles[0]).toMatchObject({
      status: 'issued',
      issuedInvoice: { id: reissued.invoiceId, number: 'LREB-000002' },
    });

    // and the chain holds the registration, the annulment and the new registration, and verifies
    const records = (await chain()).filter((item) => item.numSerie.startsWith('LREB-'));
    expect(records.map((item) => [item.numSerie, item.kind])).toEqual([
      ['LREB-000001', 'registration'],
      ['LREB-000001', 'cancellation'],
      ['LREB-000002', 'registration'],
    ]);
    const verification = await http()
      .get('/api/verifactu/issuers/default/chain/verification')
      .set(given.readAfterWrites())
      .expect(200);
    expect(verification.body).toMatchObject({ valid: true });
  });

  it('still refuses to annul an invoice with a credit note or a partial payment', async () => {
    const credited = await given.billedContract('LBLK');
    const partlyPaid = await given.billedContract('LBLK');
    const run = await given.post(
      '/billing/runs',
      { period: CURRENT, customerIds: [credited.customerId, partlyPaid.customerId] },
      201,
    );
    const invoiceOf = (customerId: string) =>
      run.body.issued.find((i: { customerId: string }) => i.customerId === customerId);
    await given.post(
      `/invoices/${invoiceOf(credited.customerId).invoiceId}/credit-notes`,
      { reason: 'Avería', amountCents: 300 },
      201,
    );
    await given.post(
      `/invoices/${invoiceOf(partlyPaid.customerId).invoiceId}/payments`,
      { amountCents: 100, method: 'cash', paidAt: today() },
      201,
    );
    for (const customerId of [credited.customerId, partlyPaid.customerId]) {
      const refused = await http()
        .post(`/api/invoices/${invoiceOf(customerId).invoiceId}/cancellation`)
        .set(operator)
        .send({ reason: 'Por error' })
        .expect(422);
      expect(refused.body.details[0]).toMatchObject({ code: 'INVOICE.NOT_CANCELLABLE' });
    }
    const again = await given.post(
      '/billing/runs',
      { period: CURRENT, customerIds: [credited.customerId, partlyPaid.customerId] },
      201,
    );
    expect(again.body).toMatchObject({ issued: [], alreadyIssued: 2 });
  });

  it('issues no simplified invoice over 400 €: the run reports the customer without tax id and bills the others, the simulation lists it too', async () => {
    // given a customer without tax id whose month costs 400.01 € (VAT included), and one at 36.30 €
    const large = await given.billedContract('LSIM', 33_059);
    const small = await given.billedContract('LSIM', 3000);
    const both = { customerIds: [large.customerId, small.customerId] };

    // when the simulation previews the month, and a run bills it
    const simulated = await http()
      .post('/api/billing/simulations')
      .set(given.readAfterWrites())
      .send({ cycles: 1, from: `${CURRENT}-01`, ...both })
      .expect(200);
    const run = await given.post('/billing/runs', { period: CURRENT, ...both }, 201);

    // then both list the large customer's problem, naming it and its missing tax id
    const problem = {
      code: 'R22.SIMPLIFIED_OVER_LIMIT',
      customerId: large.customerId,
      contractId: large.contractId,
      period: CURRENT,
      blocksIssuance: true,
      message: expect.stringMatching(
        new RegExp(`Customer ${large.customerId} has no tax id.*400\\.01 EUR`),
      ),
    };
    expect(simulated.body.problems).toEqual([expect.objectContaining(problem)]);
    expect(run.body.problems).toEqual([expect.objectContaining(problem)]);
    // and the run billed the other customer only
    expect(run.body.issued.map((i: { customerId: string }) => i.customerId)).toEqual([
      small.customerId,
    ]);

    // when the large customer's tax id is set, the next run issues it a complete invoice (F1)
    await http()
      .put(`/api/customers/${large.customerId}/billing-settings`)
      .set(operator)
      .send({ taxId: 'B12345674' })
      .expect(200)
      .then((res) => given.track(res));
    const again = await given.post('/billing/runs', { period: CURRENT, ...both }, 201);
    expect(again.body.problems).toEqual([]);
    const [complete] = again.body.issued;
    expect(complete).toMatchObject({ customerId: large.customerId });
    expect(complete.totals.totalCents).toBe(40_001);
    const record = (await chain()).find((item) => item.numSerie === complete.number);
    expect(record).toMatchObject({ tipoFactura: 'F1', importeTotalCents: 40_001 });
  });
});
