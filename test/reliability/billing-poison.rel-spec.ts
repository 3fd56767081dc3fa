import { EVENT_STORE, EventStore } from '@app/event-store';
import { BillingFixtures, recentMonths, operator } from '../support/billing-fixtures';
import { PoisonableContract, PoisonedEvents } from '../support/poisoned-events';
import { startTestApp, TestApp } from '../support/test-app';
import { recordFigure, storageInUse } from './support/reliability-figures';

const [, PERIOD] = recentMonths(2);
const GOOD = 24;
const RUNS = 2;

/** One way an old event makes a contract impossible to bill, as the log may hold it. */
const POISONS: [string, (old: PoisonedEvents, target: PoisonableContract) => Promise<void>][] = [
  ['an extra charge of 8e15 cents', (old, target) => old.extraCharge(target, 8e15, `${PERIOD}-01`)],
  ['an extra charge of 1e15 cents', (old, target) => old.extraCharge(target, 1e15, `${PERIOD}-01`)],
  ['a price of 1e15 cents', (old, target) => old.tariffMigration(target, 1e15, `${PERIOD}-01`)],
  ['the series "../ S;--"', (old, target) => old.invoiceSeries(target, '../ S;--')],
  ['the rectifying series "RBUENA"', (old, target) => old.invoiceSeries(target, 'RBUENA')],
];

interface IssuedData {
  contractId: string;
  cyclePeriod: string;
  totals: { totalCents: number };
}

describe(`one customer's poisoned billing data never stops the others, on ${storageInUse()}`, () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  let old: PoisonedEvents;

  beforeAll(async () => {
    testApp = await startTestApp();
    given = new BillingFixtures(testApp);
    old = new PoisonedEvents(testApp, given);
  });
  afterAll(() => testApp.close());

  it(`${RUNS} racing runs for all customers bill every good contract once and report each poisoned one`, async () => {
    // given good contracts with poisoned ones among them (old events, bypassing the API)
    const good: PoisonableContract[] = [];
    const poisoned: PoisonableContract[] = [];
    for (let n = 0; n < GOOD; n++) {
      good.push(await old.billed('BUENA', 1000 + n));
      if (n % 5 === 0) {
        const [, poison] = POISONS[poisoned.length % POISONS.length];
        const target = await old.billed('MALA', 2000 + n);
        await poison(old, target);
        poisoned.push(target);
      }
    }

    // when the simulation and racing runs cover everyone
    const simulation = await given
      .http()
      .post('/api/billing/simulations')
      .set(given.readAfterWrites())
      .send({ cycles: 3 })
      .expect(200);
    const answers = await Promise.all(
      Array.from({ length: RUNS }, () =>
        given.http().post('/api/billing/runs').set(operator).send({ period: PERIOD }),
      ),
    );

    // then no answer failed, every poisoned contract is a problem in each of them
    for (const res of answers) expect(res.status).toBe(201);
    const simulatedProblems = new Set(
      simulation.body.problems.map((p: { contractId: string }) => p.contractId),
    );
    for (const target of poisoned) expect(simulatedProblems).toContain(target.contractId);
    for (const res of answers) {
      const reported = new Set(res.body.problems.map((p: { contractId: string }) => p.contractId));
      for (const target of poisoned) expect(reported).toContain(target.contractId);
    }

    // and the log holds one invoice per good contract and none for a poisoned one
    const store = testApp.app.get<EventStore>(EVENT_STORE);
    const written = BigInt(Math.max(...answers.map((res) => Number(res.body.position ?? 0))));
    const deadline = Date.now() + 10_000;
    while (((await store.headPosition()) ?? 0n) < written && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const issued = (await store.readAll({ eventTypes: ['InvoiceIssued'], limit: 100_000 }))
      .map((event) => event.data as IssuedData)
      .filter((data) => data.cyclePeriod === PERIOD);
    expect(issued.map((i) => i.contractId).sort()).toEqual(good.map((c) => c.contractId).sort());
    for (const invoice of issued)
      expect(Number.isSafeInteger(invoice.totals.totalCents)).toBe(true);

    recordFigure('billing-poison', {
      guarantee:
        "One customer's poisoned billing data (amounts above the maximum, invalid or rectifying series in old events) never stops the others' billing (issue 16)",
      test: 'test/reliability/billing-poison.rel-spec.ts',
      figure: `${poisoned.length} poisoned contracts (${POISONS.map(([name]) => name).join(', ')}) among ${GOOD} good ones: the simulation answers 200 and ${RUNS} racing runs for all answer 201, each reporting every poisoned contract; ${issued.length} InvoiceIssued in the log, one per good contract, none for a poisoned one`,
      storage: storageInUse(),
    });
  });
});
