import { EVENT_STORE, EventStore } from '@app/event-store';
import { BillingFixtures, recentMonths, operator } from '../support/billing-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { recordFigure, storageInUse } from './support/reliability-figures';

const [PERIOD] = recentMonths(1);
const SERIES = ['CARRERAA', 'CARRERAB'];
const CONTRACTS = 24;
const RUNS = 3;

interface IssuedData {
  contractId: string;
  series: string;
  number: number;
  cyclePeriod: string;
}

describe(`billing runs of one period racing on ${storageInUse()}`, () => {
  let testApp: TestApp;
  let given: BillingFixtures;

  beforeAll(async () => {
    testApp = await startTestApp();
    given = new BillingFixtures(testApp);
  });
  afterAll(() => testApp.close());

  it(`${RUNS} parallel runs issue one set of invoices: one per contract, numbers gapless per series`, async () => {
    const contracts = [];
    for (let n = 0; n < CONTRACTS; n++)
      contracts.push(await given.billedContract(SERIES[n % SERIES.length], 1000 + n));

    const answers = await Promise.all(
      Array.from({ length: RUNS }, () =>
        given.http().post('/api/billing/runs').set(operator).send({ period: PERIOD }),
      ),
    );
    for (const res of answers) expect(res.status).toBe(201);
    const answered = answers.flatMap((res) => res.body.issued as { contractId: string }[]);
    expect(answered).toHaveLength(CONTRACTS);

    // The log, not the answers, is the truth: every InvoiceIssued of the period. On PostgreSQL
    // the log shows an event once every older transaction in the cluster has ended: wait for it.
    const store = testApp.app.get<EventStore>(EVENT_STORE);
    const written = BigInt(Math.max(...answers.map((res) => Number(res.body.position ?? 0))));
    const deadline = Date.now() + 10_000;
    while (((await store.headPosition()) ?? 0n) < written && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const issued = (await store.readAll({ eventTypes: ['InvoiceIssued'], limit: 100_000 }))
      .map((event) => event.data as IssuedData)
      .filter((data) => data.cyclePeriod === PERIOD);
    expect(issued.map((i) => i.contractId).sort()).toEqual(
      contracts.map((c) => c.contractId).sort(),
    );
    for (const series of SERIES) {
      const numbers = issued
        .filter((i) => i.series === series)
        .map((i) => i.number)
        .sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: CONTRACTS / SERIES.length }, (_, i) => i + 1));
    }

    const again = await given
      .http()
      .post('/api/billing/runs')
      .set(operator)
      .send({ period: PERIOD })
      .expect(201);
    expect(again.body.issued).toEqual([]);

    recordFigure('billing-run-race', {
      guarantee:
        'Billing runs of one period racing: one set of invoices, one per contract, numbers gapless per series (R7, R8)',
      test: 'test/reliability/billing-run-race.rel-spec.ts',
      figure: `${RUNS} parallel runs over ${CONTRACTS} contracts in ${SERIES.length} series: ${issued.length} InvoiceIssued in the log, one per contract, numbers 1…${CONTRACTS / SERIES.length} in each series; a 4th run issues 0`,
      storage: storageInUse(),
    });
  });
});
