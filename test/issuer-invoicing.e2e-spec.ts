import { BillingFixtures, operator, recentMonths } from './support/billing-fixtures';
import { PoisonedEvents } from './support/poisoned-events';
import { countEvents, startTestApp, TestApp } from './support/test-app';

const [CURRENT] = recentMonths(1);

const address = { street: 'Calle Mayor 1', postalCode: '28013', city: 'Madrid', country: 'ES' };

/**
 * Rule 21 in billing: each series belongs to one issuer, invoices snapshot the issuer of their
 * series, a customer may name its issuer, and each issuer keeps its own VERI*FACTU chain.
 */
describe('Invoices issued by issuer entities (rule 21)', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  let old: PoisonedEvents;
  const http = () => given.http();

  beforeAll(async () => {
    testApp = await startTestApp();
    given = new BillingFixtures(testApp);
    old = new PoisonedEvents(testApp, given);
    await given.post(
      '/issuers',
      { legalName: 'Fibra Norte SL', nif: 'B76365782', address, series: ['NORTE'] },
      201,
    );
    await given.post(
      '/issuers',
      {
        legalName: 'Fibra Sur SL',
        nif: 'B12345674',
        address,
        series: ['SUR'],
        dunningPolicy: 'reminder:2,warning:5,suspend:10,cancel:60',
      },
      201,
    );
  });
  afterAll(() => testApp.close());

  const issuerIdOf = async (nif: string): Promise<string> =>
    (await http().get('/api/issuers').set(given.readAfterWrites()).expect(200)).body.find(
      (issuer: { nif: string }) => issuer.nif === nif,
    ).id;

  const chainOf = async (issuerId: string) =>
    (
      await http()
        .get(`/api/verifactu/issuers/${issuerId}/chain`)
        .set(given.readAfterWrites())
        .expect(200)
    ).body.items.map((item: { numSerie: string }) => item.numSerie);

  it("issues each invoice under its series' issuer, snapshotted, in that issuer's chain", async () => {
    const norte = await issuerIdOf('B76365782');
    const sur = await issuerIdOf('B12345674');
    const a = await given.billedContract('NORTE');
    const b = await given.billedContract('SUR');
    const run = await given.post(
      '/billing/runs',
      { period: CURRENT, customerIds: [a.customerId, b.customerId] },
      201,
    );
    const invoiceOf = (customerId: string) =>
      run.body.issued.find((i: { customerId: string }) => i.customerId === customerId);
    const read = async (invoiceId: string) =>
      (await http().get(`/api/invoices/${invoiceId}`).set(given.readAfterWrites()).expect(200))
        .body;
    expect((await read(invoiceOf(a.customerId).invoiceId)).issuer).toMatchObject({
      issuerId: norte,
      legalName: 'Fibra Norte SL',
      nif: 'B76365782',
    });
    expect((await read(invoiceOf(b.customerId).invoiceId)).issuer).toMatchObject({
      issuerId: sur,
      nif: 'B12345674',
    });
    expect(await chainOf(norte)).toEqual([invoiceOf(a.customerId).number]);
    expect(await chainOf(sur)).toEqual([invoiceOf(b.customerId).number]);

    // renaming the issuer changes no invoice issued (rule 21, as rule 15 for the customer)
    const issuer = await http().get(`/api/issuers/${norte}`).set(given.readAfterWrites());
    await http()
      .patch(`/api/issuers/${norte}`)
      .set({ ...operator, 'If-Match': String(issuer.body.version) })
      .send({ legalName: 'Fibra Norte Renombrada SL' })
      .expect(200)
      .then((res) => given.track(res));
    expect((await read(invoiceOf(a.customerId).invoiceId)).issuer.legalName).toBe('Fibra Norte SL');
  });

  it('refuses billing settings naming an unknown issuer, or a series of another issuer, writing nothing', async () => {
    const sur = await issuerIdOf('B12345674');
    const customerId = await given.customer('NORTE');
    const before = await countEvents(testApp);
    const settings = (body: object) =>
      http().put(`/api/customers/${customerId}/billing-settings`).set(operator).send(body);
    const unknown = await settings({ issuerId: 'no-such-issuer' }).expect(422);
    expect(unknown.body.details).toEqual([
      expect.objectContaining({ code: 'R21.UNKNOWN_ISSUER', field: 'issuerId' }),
    ]);
    const mismatch = await settings({ issuerId: sur }).expect(422);
    expect(mismatch.body.details).toEqual([
      expect.objectContaining({ code: 'R21.SERIES_OF_ANOTHER_ISSUER', field: 'invoiceSeries' }),
    ]);
    expect(await countEvents(testApp)).toBe(before);
    given.track(await settings({ issuerId: sur, invoiceSeries: 'SUR' }).expect(200));
    const file = await http()
      .get(`/api/customers/${customerId}`)
      .set(given.readAfterWrites())
      .expect(200);
    expect(file.body.billing).toMatchObject({ issuerId: sur, invoiceSeries: 'SUR' });
  });

  it('reports a series no issuer owns, with two issuers registered, and bills the others', async () => {
    const orphan = await given.billedContract('NADIE');
    const owned = await given.billedContract('SUR');
    const run = await given.post(
      '/billing/runs',
      { period: CURRENT, customerIds: [orphan.customerId, owned.customerId] },
      201,
    );
    expect(run.body.issued.map((i: { customerId: string }) => i.customerId)).toEqual([
      owned.customerId,
    ]);
    expect(run.body.problems).toEqual([
      expect.objectContaining({
        contractId: orphan.contractId,
        code: 'R21.SERIES_WITHOUT_ISSUER',
        blocksIssuance: true,
      }),
    ]);
  });

  it('the simulation lists the rule-21 problems the run meets: a series no issuer owns, a series of another issuer, an unknown issuer', async () => {
    const norte = await issuerIdOf('B76365782');
    const sur = await issuerIdOf('B12345674');
    const orphan = await given.billedContract('NADIE');
    // billing settings written before rule 21 checked them: the series of another issuer, and
    // an issuer that does not exist
    const ofAnother = await given.billedContract('NORTE');
    await old.namedIssuer(ofAnother, sur, 'NORTE');
    const unknown = await given.billedContract('SUR');
    await old.namedIssuer(unknown, 'issuer-never-registered', 'SUR');
    const good = await given.billedContract('SUR');
    const customerIds = [orphan, ofAnother, unknown, good].map((c) => c.customerId);
    const expected = [
      [orphan.contractId, 'R21.SERIES_WITHOUT_ISSUER'],
      [ofAnother.contractId, 'R21.SERIES_OF_ANOTHER_ISSUER'],
      [unknown.contractId, 'R21.UNKNOWN_ISSUER'],
    ].sort();
    const codesOf = (problems: { contractId: string; code: string; blocksIssuance: boolean }[]) =>
      problems.map((p) => [p.contractId, p.code, p.blocksIssuance]).sort();

    const simulated = await http()
      .post('/api/billing/simulations')
      .set(given.readAfterWrites())
      .send({ cycles: 1, from: `${CURRENT}-01`, customerIds })
      .expect(200);
    expect(codesOf(simulated.body.problems)).toEqual(expected.map((e) => [...e, true]));
    const statusOf = (contractId: string) =>
      simulated.body.contracts.find((c: { contractId: string }) => c.contractId === contractId)
        .cycles[0].status;
    expect(statusOf(ofAnother.contractId)).toBe('not-invoiced');
    expect(statusOf(good.contractId)).toBe('previewed');
    const messageOf = (code: string) =>
      simulated.body.problems.find((p: { code: string }) => p.code === code).message;
    expect(messageOf('R21.SERIES_OF_ANOTHER_ISSUER')).toContain(
      `its series NORTE belongs to issuer ${norte}`,
    );
    expect(messageOf('R21.UNKNOWN_ISSUER')).toContain('issuer-never-registered');

    const run = await given.post('/billing/runs', { period: CURRENT, customerIds }, 201);
    expect(codesOf(run.body.problems)).toEqual(codesOf(simulated.body.problems));
    expect(run.body.issued.map((i: { customerId: string }) => i.customerId)).toEqual([
      good.customerId,
    ]);
  });

  it("duns each customer by its issuer's policy", async () => {
    const south = await given.billedContract('SUR');
    const north = await given.billedContract('NORTE');
    const run = await given.post(
      '/billing/runs',
      { period: CURRENT, customerIds: [south.customerId, north.customerId] },
      201,
    );
    const due: string = run.body.issued[0].dueDate;
    const twoDaysLate = new Date(Date.parse(`${due}T00:00:00Z`) + 2 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const dunning = await given.post('/collections/dunning-runs', { asOf: twoDaysLate }, 200);
    const stepsOf = (customerId: string) =>
      dunning.body.steps.filter((step: { customerId: string }) => step.customerId === customerId);
    expect(stepsOf(south.customerId)).toEqual([
      expect.objectContaining({ customerId: south.customerId, step: 'reminder' }),
    ]);
    expect(stepsOf(north.customerId)).toEqual([]);
  });
});
