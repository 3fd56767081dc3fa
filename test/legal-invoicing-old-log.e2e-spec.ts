import { randomUUID } from 'node:crypto';
import { invoiceSeriesStream, invoiceStream, withVat } from '@app/domain';
import { BillingFixtures, recentMonths, SIGNATURE_IBAN } from './support/billing-fixtures';
import { PoisonedEvents } from './support/poisoned-events';
import { startTestApp, TestApp } from './support/test-app';
import { pdfText } from '../libs/application/src/invoices/document/testing/poppler';

const [EARLIER, CURRENT] = recentMonths(2);

/**
 * A log written before issuer entities and the VERI*FACTU chain (issue 19): invoices without
 * an issuer, series numbers without dates, no chain. It still loads, bills after its last
 * number, prints, and its chain starts with the first record generated after the upgrade.
 */
describe('A log from before issuers and the chain still loads, bills and verifies (rules 21, 22)', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  let old: PoisonedEvents;
  const http = () => given.http();

  beforeAll(async () => {
    testApp = await startTestApp({ ISSUER_LEGAL_NAME: 'Fibra Norte SL', ISSUER_NIF: 'B76365782' });
    given = new BillingFixtures(testApp);
    old = new PoisonedEvents(testApp, given);
  });
  afterAll(() => testApp.close());

  it('numbers after the old invoice, prints it under the configured issuer, chains only what is new', async () => {
    const contract = await old.billed('OLDS');
    const oldInvoiceId = randomUUID();
    const line = withVat(
      {
        subscriptionId: contract.subscriptionId,
        kind: 'tariff',
        description: 'Fibra 300',
        period: { from: `${EARLIER}-01`, to: `${CURRENT}-01` },
        days: 30,
        daysInPeriod: 30,
        unitPriceCents: 3000,
        amountCents: 3000,
      },
      21,
    );
    // as the version before issue 19 wrote them: no issuer, no dates on the numbers
    await old.append(invoiceSeriesStream('OLDS'), [
      {
        type: 'InvoiceNumbersAllocated',
        data: {
          series: 'OLDS',
          first: 1,
          last: 1,
          assignments: [{ invoiceId: oldInvoiceId, number: 1, formatted: 'OLDS-000001' }],
          allocatedAt: `${EARLIER}-01T08:00:00.000Z`,
        },
      },
    ]);
    await old.append(invoiceStream(oldInvoiceId), [
      {
        type: 'InvoiceIssued',
        data: {
          invoiceId: oldInvoiceId,
          customerId: contract.customerId,
          contractId: contract.contractId,
          series: 'OLDS',
          number: 1,
          formatted: 'OLDS-000001',
          billingPeriod: { from: `${EARLIER}-01`, to: `${CURRENT}-01` },
          cyclePeriod: EARLIER,
          customer: { legalName: 'Facturada SL', taxId: 'B12345674', address: {} },
          iban: SIGNATURE_IBAN.replace(/\s/g, ''),
          paymentMethod: 'direct_debit',
          lines: [line],
          totals: { netCents: 3000, vatCents: 630, totalCents: 3630 },
          issueDate: `${EARLIER}-01`,
          dueDate: `${EARLIER}-16`,
        },
      },
    ]);

    const loaded = await http()
      .get(`/api/invoices/${oldInvoiceId}`)
      .set(given.readAfterWrites())
      .expect(200);
    expect(loaded.body).toMatchObject({ formatted: 'OLDS-000001', issuer: null });
    const printed = await http()
      .get(`/api/invoices/${oldInvoiceId}/document.pdf`)
      .set(given.readAfterWrites())
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(pdfText(printed.body as Buffer)).toContain('B76365782');

    const run = await given.post(
      '/billing/runs',
      { period: CURRENT, customerIds: [contract.customerId] },
      201,
    );
    expect(run.body.issued).toEqual([expect.objectContaining({ number: 'OLDS-000002' })]);
    const credit = await given.post(
      `/invoices/${oldInvoiceId}/credit-notes`,
      { reason: 'Cuota cobrada de más', amountCents: 1000 },
      201,
    );

    const chain = await http()
      .get('/api/verifactu/issuers/default/chain')
      .set(given.readAfterWrites())
      .expect(200);
    expect(chain.body.items.map((item: { numSerie: string }) => item.numSerie)).toEqual([
      'OLDS-000002',
      credit.body.number,
    ]);
    expect(chain.body.items[1].record.rectified).toEqual({
      issuerNif: 'B76365782',
      numSerie: 'OLDS-000001',
      issueDate: `${EARLIER}-01`,
    });
    const verification = await http()
      .get('/api/verifactu/issuers/default/chain/verification')
      .set(given.readAfterWrites())
      .expect(200);
    expect(verification.body).toEqual({ issuerId: 'default', valid: true, records: 2 });
  });
});
