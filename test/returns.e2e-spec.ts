import { BillingFixtures, recentMonths, operator } from './support/billing-fixtures';
import { countEvents, startTestApp, TestApp } from './support/test-app';
import { TEST_CREDITOR, tomorrow } from './support/collections';

const [, NEXT, AFTER] = recentMonths(3);
const FEE = 300;

/** A camt.054 notification of returned direct debits, as a Spanish bank sends it. */
function camt054(
  messageId: string,
  returns: { endToEndId: string; cents: number; code: string }[],
) {
  const entries = returns
    .map(
      ({ endToEndId, cents, code }) => `
      <Ntry>
        <Amt Ccy="EUR">${(cents / 100).toFixed(2)}</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2026-11-09</Dt></BookgDt>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>${endToEndId}</EndToEndId></Refs>
          <AmtDtls><TxAmt><Amt Ccy="EUR">${(cents / 100).toFixed(2)}</Amt></TxAmt></AmtDtls>
          <RtrInf><Rsn><Cd>${code}</Cd></Rsn></RtrInf>
        </TxDtls></NtryDtls>
      </Ntry>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02">
  <BkToCstmrDbtCdtNtfctn>
    <GrpHdr><MsgId>${messageId}</MsgId><CreDtTm>2026-11-09T07:12:45+01:00</CreDtTm></GrpHdr>
    <Ntfctn>
      <Id>NTF-1</Id>
      <CreDtTm>2026-11-09T07:12:45+01:00</CreDtTm>
      <Acct><Id><IBAN>ES9121000418450200051332</IBAN></Id></Acct>${entries}
    </Ntfctn>
  </BkToCstmrDbtCdtNtfctn>
</Document>`;
}

/** A pain.002 status report rejecting one collection (never settled). */
function pain002(messageId: string, endToEndId: string, cents: number, code: string) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03">
  <CstmrPmtStsRpt>
    <GrpHdr><MsgId>${messageId}</MsgId><CreDtTm>2026-11-04T16:02:11</CreDtTm></GrpHdr>
    <OrgnlGrpInfAndSts>
      <OrgnlMsgId>REM-1</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.08</OrgnlMsgNmId><GrpSts>PART</GrpSts>
    </OrgnlGrpInfAndSts>
    <OrgnlPmtInfAndSts>
      <OrgnlPmtInfId>REM-1-FRST</OrgnlPmtInfId>
      <TxInfAndSts>
        <OrgnlEndToEndId>${endToEndId}</OrgnlEndToEndId>
        <TxSts>RJCT</TxSts>
        <StsRsnInf><Rsn><Cd>${code}</Cd></Rsn></StsRsnInf>
        <OrgnlTxRef><Amt><InstdAmt Ccy="EUR">${(cents / 100).toFixed(2)}</InstdAmt></Amt></OrgnlTxRef>
      </TxInfAndSts>
    </OrgnlPmtInfAndSts>
  </CstmrPmtStsRpt>
</Document>`;
}

/*
 * Rule 19 over HTTP: bill → remit (FRST) → the bank returns AM04 → owed again and the fee on
 * the next invoice; AC04 from the bank's camt.054 invalidates the mandate, so the next
 * remittance leaves that contract out; the same file imported twice changes nothing.
 */
describe('Bank returns (rule 19)', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  const http = () => given.http();

  beforeAll(async () => {
    testApp = await startTestApp({
      ...TEST_CREDITOR,
      RETURNED_DEBIT_FEE_CENTS: String(FEE),
    });
    given = new BillingFixtures(testApp);
  });
  afterAll(() => testApp.close());

  const read = (path: string) => http().get(`/api${path}`).set(given.readAfterWrites());
  const bill = async (period: string, customerIds: string[]) =>
    given.track(
      await http()
        .post('/api/billing/runs')
        .set(operator)
        .send({ period, customerIds })
        .expect(201),
    ).body.issued as { invoiceId: string; customerId: string; totals: { totalCents: number } }[];
  const remit = async () =>
    given.track(
      await http()
        .post('/api/collections/remittances')
        .set(operator)
        .send({ collectionDate: tomorrow(), dueUntil: '2099-12-31' })
        .expect(201),
    ).body;
  const importFile = async (xml: string) =>
    given.track(
      await http()
        .post('/api/collections/returns/import')
        .set({ ...operator, 'Content-Type': 'application/xml' })
        .send(xml)
        .expect(200),
    ).body;

  it('a return makes the invoice owed again, charges the fee next time, and AC04 stops the mandate', async () => {
    const ana = await given.billedContract('DVA', 3000);
    const bruno = await given.billedContract('DVB', 4550);
    const [anaInvoice, brunoInvoice] = await bill(NEXT, [ana.customerId, bruno.customerId]).then(
      (issued) =>
        [ana, bruno].map(({ customerId }) => issued.find((i) => i.customerId === customerId)!),
    );
    const first = await remit();
    expect(first).toMatchObject({ effects: 2, firstCollections: 2 });
    const detail = await read(`/collections/remittances/${first.id}`).expect(200);
    const effectOf = (invoiceId: string) =>
      detail.body.transactions.find((t: { invoiceId: string }) => t.invoiceId === invoiceId) as {
        effectId: string;
        endToEndId: string;
        amountCents: number;
      };

    // By hand: Ana's bank returns AM04 (insufficient funds).
    const anaEffect = effectOf(anaInvoice.invoiceId);
    const returned = given.track(
      await http()
        .post('/api/collections/returns')
        .set(operator)
        .send({ effectId: anaEffect.effectId, reasonCode: 'am04' })
        .expect(200),
    );
    expect(returned.body.applied).toEqual([
      expect.objectContaining({
        effectId: anaEffect.effectId,
        reasonCode: 'AM04',
        reason: { es: expect.any(String), en: expect.stringMatching(/insufficient/i) },
        mandateInvalidated: false,
        feeCents: FEE,
        contactCustomer: false,
      }),
    ]);
    const invoice = await read(`/invoices/${anaInvoice.invoiceId}`).expect(200);
    expect(invoice.body).toMatchObject({ outstandingCents: anaInvoice.totals.totalCents });
    expect(invoice.body.effects[0]).toMatchObject({
      status: 'returned',
      returnReason: expect.stringMatching(/^AM04/),
    });

    // From the bank's file: Bruno's account is closed (AC04); the file imported twice changes nothing.
    const brunoEffect = effectOf(brunoInvoice.invoiceId);
    const file = camt054('CAMT054-E2E-0001', [
      { endToEndId: brunoEffect.endToEndId, cents: brunoEffect.amountCents, code: 'AC04' },
      { endToEndId: 'EF-NOT-OURS-000001', cents: 1000, code: 'AM04' },
    ]);
    const imported = await importFile(file);
    expect(imported.applied).toEqual([
      expect.objectContaining({
        effectId: brunoEffect.effectId,
        reasonCode: 'AC04',
        mandateInvalidated: true,
      }),
    ]);
    expect(imported.unknown).toEqual(['EF-NOT-OURS-000001']);
    const before = await countEvents(testApp);
    const again = await importFile(file);
    expect(again).toMatchObject({ applied: [], duplicates: [brunoEffect.effectId] });
    expect(await countEvents(testApp)).toBe(before);
    const contract = await read(`/contracts/${bruno.contractId}`).expect(200);
    expect(contract.body).toMatchObject({ mandateInvalidated: 'AC04' });

    // The customer file's collections block and the returns tab, the reason in both languages.
    const brunoFile = await read(`/customers/${bruno.customerId}`).expect(200);
    expect(brunoFile.body.collections).toMatchObject({
      mandates: [{ contractId: bruno.contractId, state: 'invalidated', invalidatedBy: 'AC04' }],
      lastReturn: { effectId: brunoEffect.effectId, reasonCode: 'AC04' },
      dunningStage: null,
    });
    const anaReturns = await read(`/customers/${ana.customerId}/returns`).expect(200);
    expect(anaReturns.body.items).toEqual([
      expect.objectContaining({
        effectId: anaEffect.effectId,
        reasonCode: 'AM04',
        reasonText: {
          es: expect.stringMatching(/fondos|saldo/i),
          en: expect.stringMatching(/insufficient/i),
        },
      }),
    ]);
    await read('/customers/00000000-0000-4000-8000-000000000000/returns').expect(404);

    // Next month: Ana's invoice carries the fee; the simulation flags Bruno's mandate.
    const simulation = await http()
      .post('/api/billing/simulations')
      .set(given.readAfterWrites())
      .send({ cycles: 1, customerIds: [bruno.customerId], from: `${AFTER}-01` })
      .expect(200);
    expect(simulation.body.problems.map((p: { code: string }) => p.code)).toContain(
      'R12.MANDATE_INVALIDATED',
    );
    const next = await bill(AFTER, [ana.customerId, bruno.customerId]);
    const anaNext = await read(
      `/invoices/${next.find((i) => i.customerId === ana.customerId)!.invoiceId}`,
    ).expect(200);
    expect(anaNext.body.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          amountCents: FEE,
          description: expect.stringMatching(/devolución/),
        }),
      ]),
    );

    // The next remittance: Ana's mandate goes on as RCUR (her returned effect is not re-sent by
    // itself); Bruno's stays out until a new mandate is signed.
    const second = await remit();
    expect(second.excluded).toEqual([
      expect.objectContaining({
        code: 'MANDATE.INVALIDATED',
        reason: expect.stringMatching(/AC04/),
      }),
    ]);
    expect(second).toMatchObject({ effects: 1, recurringCollections: 1 });
  });

  it("a pain.002 reject of a mandate's first collection makes its next collection FRST again", async () => {
    const carla = await given.billedContract('DVC', 2500);
    const [invoice] = await bill(NEXT, [carla.customerId]);
    const first = await remit();
    const detail = await read(`/collections/remittances/${first.id}`).expect(200);
    const mine = detail.body.transactions.find(
      (t: { invoiceId: string }) => t.invoiceId === invoice.invoiceId,
    );
    expect(mine.sequenceType).toBe('FRST');
    const rejected = await importFile(
      pain002('PSR-E2E-1', mine.endToEndId, mine.amountCents, 'AM04'),
    );
    expect(rejected.applied).toEqual([
      expect.objectContaining({
        effectId: mine.effectId,
        firstCollectionAgain: true,
        feeCents: FEE,
      }),
    ]);
    const again = await importFile(pain002('PSR-E2E-1', mine.endToEndId, mine.amountCents, 'AM04'));
    expect(again).toMatchObject({ applied: [], duplicates: [mine.effectId] });

    await bill(AFTER, [carla.customerId]);
    const second = await remit();
    const next = await read(`/collections/remittances/${second.id}`).expect(200);
    const carlas = next.body.transactions.filter(
      (t: { customerId: string }) => t.customerId === carla.customerId,
    );
    expect(carlas.map((t: { sequenceType: string }) => t.sequenceType)).toEqual(['FRST']);
  });

  it('MS02 flags the customer for contact until an interaction is recorded', async () => {
    const dora = await given.billedContract('DVD', 2000);
    const [invoice] = await bill(NEXT, [dora.customerId]);
    const remitted = await remit();
    const detail = await read(`/collections/remittances/${remitted.id}`).expect(200);
    const { effectId } = detail.body.transactions.find(
      (t: { invoiceId: string }) => t.invoiceId === invoice.invoiceId,
    );
    const returned = given.track(
      await http()
        .post('/api/collections/returns')
        .set(operator)
        .send({ effectId, reasonCode: 'MS02' })
        .expect(200),
    );
    expect(returned.body.applied[0]).toMatchObject({ contactCustomer: true });
    const codes = (file: { body: { warnings: { code: string }[] } }) =>
      file.body.warnings.filter((w) => w.code !== 'R4.IBAN_MISMATCH');
    const flagged = await read(`/customers/${dora.customerId}`).expect(200);
    expect(codes(flagged)).toEqual([
      expect.objectContaining({
        code: 'R19.CONTACT_CUSTOMER',
        message: expect.stringMatching(/MS02: Refused by the debtor/),
      }),
    ]);
    await given.post(
      `/customers/${dora.customerId}/interactions`,
      { kind: 'call', text: 'Called: the debit was refused by mistake, will pay by transfer' },
      201,
    );
    const cleared = await read(`/customers/${dora.customerId}`).expect(200);
    expect(codes(cleared)).toEqual([]);
  });

  it('refuses bad returns and bad files, writing nothing', async () => {
    const refused = async (send: () => Promise<{ status: number }>, status: number) => {
      const before = await countEvents(testApp);
      expect((await send()).status).toBe(status);
      expect(await countEvents(testApp)).toBe(before);
    };
    const post = (body: object) => http().post('/api/collections/returns').set(operator).send(body);
    await refused(
      () => post({ effectId: '00000000-0000-4000-8000-000000000000', reasonCode: 'AM04' }),
      404,
    );
    await refused(() => post({ effectId: 'nope', reasonCode: 'AM04' }), 400);
    await refused(
      () => post({ effectId: '00000000-0000-4000-8000-000000000000', reasonCode: 'AM0\u0000' }),
      400,
    );
    const xml = (body: string) =>
      http()
        .post('/api/collections/returns/import')
        .set({ ...operator, 'Content-Type': 'application/xml' })
        .send(body);
    await refused(() => xml('not xml at all'), 422);
    await refused(() => xml('<!DOCTYPE x [<!ENTITY a "b">]><Document/>'), 422);
    await refused(() => http().post('/api/collections/returns/import').set(operator).send({}), 400);
  });
});
