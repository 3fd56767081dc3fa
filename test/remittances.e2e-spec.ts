import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { BillingFixtures, operator, recentMonths, SIGNED_AT } from './support/billing-fixtures';
import { countEvents, startTestApp, TestApp } from './support/test-app';
import { TEST_CREDITOR, tomorrow } from './support/collections';

const [, NEXT, AFTER] = recentMonths(3);
const SCHEMAS = join(__dirname, '../libs/application/src/collections/sepa/schemas');
const DUE_UNTIL = '2035-12-31';

/** xmllint's verdict on a file against the official XSD of its version. */
async function validate(xml: string, version: '001.08' | '001.02') {
  const dir = mkdtempSync(join(tmpdir(), 'remittance-'));
  try {
    const file = join(dir, 'remesa.xml');
    writeFileSync(file, xml);
    const schema = join(SCHEMAS, `pain.008.${version}.xsd`);
    return await promisify(execFile)('xmllint', ['--noout', '--schema', schema, file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/*
 * Rule 18 over HTTP: the effects due go into one remittance with their mandates, FRST first
 * and RCUR after, the SEPA file validates against the ISO XSD, an effect is in one remittance
 * only and is not changed once there (rule 17).
 */
describe('Remittances (rule 18)', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  const http = () => given.http();

  beforeAll(async () => {
    testApp = await startTestApp(TEST_CREDITOR);
    given = new BillingFixtures(testApp);
  });
  afterAll(() => testApp.close());

  const bill = async (period: string, customerIds: string[]) =>
    given.track(
      await http()
        .post('/api/billing/runs')
        .set(operator)
        .send({ period, customerIds })
        .expect(201),
    ).body.issued as { invoiceId: string; customerId: string; totals: { totalCents: number } }[];
  const remit = (body: object, status: number) =>
    http().post('/api/collections/remittances').set(operator).send(body).expect(status);
  const read = (path: string) => http().get(`/api${path}`).set(given.readAfterWrites());

  /** Sends the command, expects the refusal and that nothing at all was written. */
  async function refused(body: object, status: number, code?: string) {
    const before = await countEvents(testApp);
    const res = await remit(body, status);
    if (code) expect(res.body.details[0].code).toBe(code);
    expect(await countEvents(testApp)).toBe(before);
    return res;
  }

  it('remits the effects due, FRST, into a pain.008 that validates; then RCUR; never twice', async () => {
    const ana = await given.billedContract('TMA', 3000);
    const bruno = await given.billedContract('TMB', 4550);
    const paidUp = await given.billedContract('TMC', 2000);
    const issued = await bill(NEXT, [ana.customerId, bruno.customerId, paidUp.customerId]);
    const paid = issued.find((i) => i.customerId === paidUp.customerId)!;
    // Paid in full before the remittance: its effect is cancelled (rule 17) and stays out.
    await given.post(
      `/invoices/${paid.invoiceId}/payments`,
      { amountCents: paid.totals.totalCents, method: 'cash' },
      201,
    );

    const created = given.track(
      await remit({ collectionDate: tomorrow(), dueUntil: DUE_UNTIL }, 201),
    );
    const expectedTotal = issued
      .filter((i) => i !== paid)
      .reduce((sum, i) => sum + i.totals.totalCents, 0);
    expect(created.body).toMatchObject({
      effects: 2,
      totalCents: expectedTotal,
      firstCollections: 2,
      recurringCollections: 0,
      excluded: [],
    });

    const detail = await read(`/collections/remittances/${created.body.id}`).expect(200);
    expect(detail.body.transactions).toHaveLength(2);
    for (const transaction of detail.body.transactions) {
      expect(transaction).toMatchObject({
        sequenceType: 'FRST',
        mandateSignedOn: SIGNED_AT.slice(0, 10),
      });
      expect(transaction.maskedIban).toMatch(/\*/);
      expect(transaction.endToEndId).toBe(transaction.effectId.replace(/-/g, ''));
    }
    expect(JSON.stringify(detail.body)).not.toContain('ES9121000418450200051332');

    const file = await read(`/collections/remittances/${created.body.id}/pain.008.xml`).expect(200);
    expect(file.headers['content-type']).toMatch(/application\/xml/);
    expect(file.headers['content-disposition']).toMatch(/attachment; filename="remesa-/);
    await validate(file.text, '001.08');
    const document = new XMLParser().parse(file.text).Document.CstmrDrctDbtInitn;
    expect(document.GrpHdr.NbOfTxs).toBe(2);
    expect(document.GrpHdr.CtrlSum).toBe(expectedTotal / 100);

    // Every effect due is in a remittance now: a second one has nothing to take.
    await refused(
      { collectionDate: tomorrow(), dueUntil: DUE_UNTIL },
      422,
      'REMITTANCE.NOTHING_TO_REMIT',
    );

    // At the bank, the effect is not changed: a payment leaves it whole, an operator cannot touch it.
    const anaInvoice = issued.find((i) => i.customerId === ana.customerId)!;
    const anaInDetail = detail.body.transactions.find(
      (t: { invoiceId: string }) => t.invoiceId === anaInvoice.invoiceId,
    );
    await given.post(
      `/invoices/${anaInvoice.invoiceId}/payments`,
      { amountCents: 1000, method: 'transfer' },
      201,
    );
    const invoice = await read(`/invoices/${anaInvoice.invoiceId}`).expect(200);
    expect(invoice.body.effects[0]).toMatchObject({
      amountCents: anaInvoice.totals.totalCents,
      remittanceId: created.body.id,
      status: 'pending',
    });
    const effectPath = `/api/invoices/${anaInvoice.invoiceId}/direct-debit-effects/${anaInDetail.effectId}`;
    const r17 = await http()
      .post(`${effectPath}/cancel`)
      .set(operator)
      .send({ reason: 'x' })
      .expect(422);
    expect(r17.body.details[0].code).toBe('R17');

    // The next month's effects of the same mandates are collected as RCUR, here in pain.008.001.02.
    await bill(AFTER, [ana.customerId, bruno.customerId]);
    const next = given.track(
      await remit({ collectionDate: tomorrow(), dueUntil: DUE_UNTIL, painVersion: '001.02' }, 201),
    );
    expect(next.body).toMatchObject({ effects: 2, firstCollections: 0, recurringCollections: 2 });
    const second = await read(`/collections/remittances/${next.body.id}/pain.008.xml`).expect(200);
    await validate(second.text, '001.02');
    expect(second.text).toContain('<SeqTp>RCUR</SeqTp>');

    const list = await read('/collections/remittances').expect(200);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining([created.body.id, next.body.id]),
    );
  });

  it('rule 17: credit a remitted effect over-collects is set against the next invoice before its debit goes to the bank', async () => {
    const { customerId } = await given.billedContract('CRE', 3000);
    const [first] = await bill(NEXT, [customerId]);
    const remitted = given.track(
      await remit({ collectionDate: tomorrow(), dueUntil: DUE_UNTIL }, 201),
    );
    expect(remitted.body.effects).toBeGreaterThanOrEqual(1);
    // The customer also pays 10.00 € by transfer; the bank then collects the whole effect.
    await given.post(
      `/invoices/${first.invoiceId}/payments`,
      { amountCents: 1000, method: 'transfer' },
      201,
    );
    const firstDetail = await read(`/invoices/${first.invoiceId}`).expect(200);
    const effectId = firstDetail.body.effects[0].id as string;
    await given.post(
      `/invoices/${first.invoiceId}/direct-debit-effects/${effectId}/collect`,
      {},
      200,
    );
    const account = await read(`/customers/${customerId}/account`).expect(200);
    expect(account.body).toMatchObject({ availableCreditCents: 1000 });

    // By hand: nothing owed elsewhere yet, so nothing moves.
    const idle = given.track(
      await http()
        .post(`/api/customers/${customerId}/account/apply-credit`)
        .set(operator)
        .expect(200),
    );
    expect(idle.body).toMatchObject({ customerId, moved: [] });

    // Next month's invoice: its effect asks 36.30 €; the remittance sets the credit against it first.
    const [second] = await bill(AFTER, [customerId]);
    const next = given.track(await remit({ collectionDate: tomorrow(), dueUntil: DUE_UNTIL }, 201));
    const detail = await read(`/collections/remittances/${next.body.id}`).expect(200);
    const mine = detail.body.transactions.filter(
      (t: { invoiceId: string }) => t.invoiceId === second.invoiceId,
    );
    expect(mine).toEqual([
      expect.objectContaining({ amountCents: second.totals.totalCents - 1000 }),
    ]);
    const after = await read(`/customers/${customerId}/account`).expect(200);
    expect(after.body).toMatchObject({
      availableCreditCents: 0,
      unpaidBalanceCents: second.totals.totalCents - 1000,
    });
    const kinds = after.body.transactions.map((line: { kind: string }) => line.kind);
    expect(kinds).toEqual(expect.arrayContaining(['credit-out', 'credit-in', 'effect-reduced']));
  });

  it('refuses bad requests, a date gone by and a missing creditor, writing nothing', async () => {
    await refused({ collectionDate: '2026-02-30' }, 400);
    await refused({ collectionDate: tomorrow(), painVersion: '001.99' }, 400);
    await refused({ collectionDate: 'mañana\u0000' }, 400);
    await refused({ collectionDate: '2020-01-01' }, 422, 'REMITTANCE.INVALID_INPUT');
    await http().get('/api/collections/remittances/nope').set(operator).expect(404);
    await http().get('/api/collections/remittances/nope/pain.008.xml').set(operator).expect(404);

    const { CREDITOR_ID } = testApp.config;
    testApp.config.CREDITOR_ID = undefined;
    try {
      await refused({ collectionDate: tomorrow() }, 422, 'REMITTANCE.CREDITOR_NOT_CONFIGURED');
    } finally {
      testApp.config.CREDITOR_ID = CREDITOR_ID;
    }
  });
});
