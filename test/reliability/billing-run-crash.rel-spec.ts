import { PostgresDatabase } from '@app/database';
import fc from 'fast-check';
import request from 'supertest';
import { BillingFixtures, recentMonths } from '../support/billing-fixtures';
import { startTestApp, TEST_API_KEYS, TestApp } from '../support/test-app';
import { AppProcess } from './support/app-process';
import { startKillableApi, waitUntil } from './support/killable-api';
import { recordFigure } from './support/reliability-figures';
import { listenPortForChildProcess } from '../support/listen-port';

const databaseUrl = process.env.DATABASE_URL;
const [PERIOD] = recentMonths(1);
const SERIES = 'KILL';
const CONTRACTS = Number(process.env.BILLING_CRASH_CONTRACTS ?? 150);
const SEED = 20261124;
/** After how many drafts, then how many issued invoices, the API is killed: seeded. */
const [draftsBeforeKill, issuedBeforeKill] = fc.sample(
  fc.tuple(
    fc.integer({ min: 1, max: CONTRACTS - 1 }),
    fc.integer({ min: 1, max: Math.floor(CONTRACTS / 3) }),
  ),
  { seed: SEED, numRuns: 1 },
)[0];

if (!databaseUrl)
  console.warn(
    'billing-run crash suite skipped: it needs PostgreSQL (set DATABASE_URL); PGlite is one process',
  );
const describeOnPostgres = databaseUrl ? describe : describe.skip;

interface LoggedInvoice {
  contractId: string;
  number: number;
  series: string;
}

describeOnPostgres('the API killed with SIGKILL in the middle of a billing run', () => {
  let testApp: TestApp;
  let database: PostgresDatabase;
  let api: AppProcess | undefined;
  let port = 0;

  beforeAll(async () => {
    port = await listenPortForChildProcess();
    // The in-process app seeds the customers and keeps the read models up to date; the
    // billing runs go to a real API process (no projections of its own) that can be killed.
    testApp = await startTestApp();
    database = await PostgresDatabase.open({
      connectionString: databaseUrl!,
      schema: testApp.config.DATABASE_SCHEMA,
    });
  }, 60_000);
  afterAll(async () => {
    await api?.kill();
    await database?.close();
    await testApp?.close();
  });

  async function startApi(): Promise<AppProcess> {
    return startKillableApi(testApp, port);
  }

  const until = (what: string, condition: () => Promise<boolean>, timeoutMs = 90_000) =>
    waitUntil(what, condition, { timeoutMs, pollMs: 5, context: () => api?.lastOutput ?? '' });

  const countOf = async (type: string) =>
    Number(
      (
        await database.query<{ n: string }>(
          "SELECT count(*) AS n FROM es_events WHERE event_type = $1 AND data->>'cyclePeriod' = $2",
          [type, PERIOD],
        )
      ).rows[0].n,
    );

  const runBilling = () =>
    request(`http://127.0.0.1:${port}`)
      .post('/api/billing/runs')
      .set({ Authorization: `Bearer ${TEST_API_KEYS.operator}` })
      .send({ period: PERIOD });

  /** Starts a run, kills the API once the log holds `threshold` events of `type`. */
  async function killDuringRun(type: string, threshold: number): Promise<number> {
    api = await startApi();
    const answer = runBilling().then(
      (res) => res,
      () => null,
    );
    await until(`${threshold} ${type}`, async () => (await countOf(type)) >= threshold);
    await api.kill();
    await answer;
    return countOf(type);
  }

  it('resumes on the next run: one invoice per contract, numbers gapless, no duplicate', async () => {
    const given = new BillingFixtures(testApp);
    const contracts = [];
    for (let n = 0; n < CONTRACTS; n++) contracts.push(await given.billedContract(SERIES, 900 + n));
    await given.http().get('/api/customers').set(given.readAfterWrites()).expect(200);

    const draftedAtKill = await killDuringRun('InvoiceDrafted', draftsBeforeKill);
    const issuedAtKill = await killDuringRun('InvoiceIssued', issuedBeforeKill);
    expect(await countOf('InvoiceIssued')).toBeLessThan(CONTRACTS);

    api = await startApi();
    const finished = await runBilling().expect(201);
    await api.stop();

    // The log is the truth: every contract invoiced once, numbers 1..N, every draft issued.
    const { rows } = await database.query<{ data: LoggedInvoice }>(
      "SELECT data FROM es_events WHERE event_type = 'InvoiceIssued' AND data->>'cyclePeriod' = $1",
      [PERIOD],
    );
    const issued = rows.map((row) => row.data);
    expect(issued.map((i) => i.contractId).sort()).toEqual(
      contracts.map((c) => c.contractId).sort(),
    );
    expect(issued.map((i) => i.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: CONTRACTS }, (_, i) => i + 1),
    );
    expect(await countOf('InvoiceDrafted')).toBe(CONTRACTS);
    expect(finished.body.issued.length + finished.body.alreadyIssued).toBe(CONTRACTS);

    recordFigure('billing-run-crash', {
      guarantee: 'API killed mid-billing-run: the next run finishes it, no duplicate, no gap',
      test: 'test/reliability/billing-run-crash.rel-spec.ts',
      figure: `2 SIGKILLs survived (after ${draftedAtKill} drafts, after ${issuedAtKill} of ${CONTRACTS} issued); ${CONTRACTS} invoices, numbers 1–${CONTRACTS}`,
      storage: 'PostgreSQL',
    });
  }, 300_000);
});
