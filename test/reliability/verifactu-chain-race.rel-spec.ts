import { BillingFixtures, operator, recentMonths } from '../support/billing-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { recordFigure, storageInUse } from './support/reliability-figures';

const [PERIOD] = recentMonths(1);
const SERIES = ['CADENAA', 'CADENAB', 'CADENAC', 'CADENAD'];
const CONTRACTS = 1_000;
const RUNS = 3;
const SEEDING_CONCURRENCY = 8;

interface ChainPage {
  items: {
    sequence: number;
    numSerie: string;
    record: { previous: { huella: string } | null; huella: string };
  }[];
  total: number;
}

/**
 * Rule 22 under load: billing runs racing over 1,000 contracts in four series of one issuer,
 * each number appended with its VERI*FACTU record in one transaction expecting the chain's
 * revision. The chain holds exactly one record per invoice, in one line, and verifies.
 */
describe(`the VERI*FACTU chain of racing billing runs on ${storageInUse()}`, () => {
  let testApp: TestApp;
  let given: BillingFixtures;

  beforeAll(async () => {
    testApp = await startTestApp();
    given = new BillingFixtures(testApp);
  });
  afterAll(() => testApp.close());

  it(`${RUNS} racing runs over ${CONTRACTS} contracts leave one unforked chain that verifies`, async () => {
    const seeds = Array.from({ length: CONTRACTS }, (_, n) => n);
    for (let start = 0; start < seeds.length; start += SEEDING_CONCURRENCY)
      await Promise.all(
        seeds
          .slice(start, start + SEEDING_CONCURRENCY)
          .map((n) => given.billedContract(SERIES[n % SERIES.length], 1000 + n)),
      );

    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: RUNS }, () =>
        given.http().post('/api/billing/runs').set(operator).send({ period: PERIOD }),
      ),
    );
    const runSeconds = (Date.now() - started) / 1000;
    for (const res of answers) expect(res.status).toBe(201);
    for (const res of answers) given.track(res);
    const issued = answers.flatMap((res) => res.body.issued as { number: string }[]);
    expect(issued).toHaveLength(CONTRACTS);

    const records: ChainPage['items'] = [];
    for (let page = 1; records.length < CONTRACTS; page++) {
      const res = await given
        .http()
        .get('/api/verifactu/issuers/default/chain')
        .query({ page, pageSize: 100 })
        .set(given.readAfterWrites())
        .expect(200);
      const body = res.body as ChainPage;
      expect(body.total).toBe(CONTRACTS);
      records.push(...body.items);
    }
    expect(records.map((record) => record.numSerie).sort()).toEqual(
      issued.map((invoice) => invoice.number).sort(),
    );
    records.forEach((record, index) => {
      expect(record.sequence).toBe(index);
      expect(record.record.previous?.huella ?? null).toBe(
        index === 0 ? null : records[index - 1].record.huella,
      );
    });
    const verification = await given
      .http()
      .get('/api/verifactu/issuers/default/chain/verification')
      .set(given.readAfterWrites())
      .expect(200);
    expect(verification.body).toEqual({ issuerId: 'default', valid: true, records: CONTRACTS });

    recordFigure('verifactu-chain-race', {
      guarantee:
        'Billing runs racing: every invoice numbered gets exactly one VERI*FACTU record, chained in one line that verifies (rule 22)',
      test: 'test/reliability/verifactu-chain-race.rel-spec.ts',
      figure: `${RUNS} parallel runs over ${CONTRACTS} contracts in ${SERIES.length} series of one issuer (${runSeconds.toFixed(1)} s): ${issued.length} invoices, ${records.length} records, each linked to the one before, verification valid`,
      storage: storageInUse(),
    });
  }, 900_000);
});
