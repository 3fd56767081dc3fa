import { PostgresDatabase } from '@app/database';
import { invoiceStream, remittanceLedgerStream } from '@app/domain';
import fc from 'fast-check';
import request from 'supertest';
import { BillingFixtures, recentMonths } from '../support/billing-fixtures';
import { startTestApp, TEST_API_KEYS, TestApp } from '../support/test-app';
import { AppProcess } from './support/app-process';
import { startKillableApi, waitUntil } from './support/killable-api';
import { recordFigure } from './support/reliability-figures';
import { listenPortForChildProcess } from '../support/listen-port';

const databaseUrl = process.env.DATABASE_URL;
/** A period is billed whenever every effect is remitted, so each round has some to remit. */
const PERIODS = recentMonths(6);
const SERIES = 'SEPAKILL';
const CUSTOMERS = Number(process.env.REMITTANCE_CRASH_CUSTOMERS ?? 150);
const KILL_ROUNDS = 3;
const SEED = 20261203;
/**
 * When each round kills the API, as a fraction of how long a whole remittance took it (timed
 * first, as the machine runs now): seeded, one in each third (reading the invoices, deciding,
 * appending or just after).
 */
const killFractions = fc
  .sample(fc.integer({ min: 0, max: 33 }), { seed: SEED, numRuns: KILL_ROUNDS })
  .map((percent, round) => (round * 33 + percent) / 100);
const CREDITOR = {
  CREDITOR_NAME: 'Fibra Norte SL',
  CREDITOR_ID: 'ES10ZZZB76365789',
  CREDITOR_IBAN: 'ES9121000418450200051332',
};
const LEDGER = remittanceLedgerStream('default');
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const REMITTANCE = { dueUntil: '2099-12-31' };

if (!databaseUrl)
  console.warn(
    'remittance crash suite skipped: it needs PostgreSQL (set DATABASE_URL); PGlite is one process',
  );
const describeOnPostgres = databaseUrl ? describe : describe.skip;

interface LoggedRemittance {
  transactionId: string;
  remittanceId: string;
  totalCents: number;
  transactions: { invoiceId: string; effectId: string; amountCents: number }[];
  excluded: unknown[];
}
interface LoggedRemit {
  transactionId: string;
  streamId: string;
  invoiceId: string;
  effectId: string;
  remittanceId: string;
}
interface LoggedEffect {
  invoiceId: string;
  effectId: string;
  amountCents: number;
}
/** What a round did: when it killed the API, and what had happened by then. */
interface Round {
  /** Milliseconds after the API was seen at work on the remittance. */
  killedAfterMs: number;
  /** The same, as a fraction of how long a whole remittance took. */
  fraction: number;
  /** The HTTP status answered before the kill, if any. */
  answered: number | null;
  /** Whether its remittance is in the log (whole: the checks after each round say so). */
  committed: boolean;
}

/*
 * Rule 18 under SIGKILL: a remittance is one atomic append (RemittanceCreated on the issuer's
 * ledger with every EffectRemitted on its invoice), so an API killed at any moment of it leaves
 * the whole remittance or nothing; the next one takes what is left, and no effect ends up in
 * two remittances or in none.
 */
describeOnPostgres('the API killed with SIGKILL in the middle of a remittance', () => {
  let testApp: TestApp;
  let database: PostgresDatabase;
  let api: AppProcess | undefined;
  let port = 0;

  beforeAll(async () => {
    port = await listenPortForChildProcess();
    // The in-process app seeds the customers and keeps the read models up to date (the
    // remittance finds the effects due there); the remittances go to a real API process (no
    // projections of its own) that can be killed.
    testApp = await startTestApp(CREDITOR);
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
    return startKillableApi(testApp, port, {
      ...CREDITOR,
    });
  }

  const until = (what: string, condition: () => Promise<boolean>, timeoutMs = 90_000) =>
    waitUntil(what, condition, { timeoutMs, pollMs: 5, context: () => api?.lastOutput ?? '' });

  const remit = () =>
    request(`http://127.0.0.1:${port}`)
      .post('/api/collections/remittances')
      .set({ Authorization: `Bearer ${TEST_API_KEYS.operator}` })
      .send({ collectionDate: tomorrow(), ...REMITTANCE });

  const remittancesLogged = async (): Promise<LoggedRemittance[]> =>
    (
      await database.query<{ transaction_id: string; data: LoggedRemittance }>(
        "SELECT transaction_id::text, data FROM es_events WHERE event_type = 'RemittanceCreated' AND stream_id = $1 ORDER BY position",
        [LEDGER],
      )
    ).rows.map((row) => ({ ...row.data, transactionId: row.transaction_id }));

  const remitsLogged = async (): Promise<LoggedRemit[]> =>
    (
      await database.query<{ transaction_id: string; stream_id: string; data: LoggedRemit }>(
        "SELECT transaction_id::text, stream_id, data FROM es_events WHERE event_type = 'EffectRemitted'",
      )
    ).rows.map((row) => ({
      ...row.data,
      transactionId: row.transaction_id,
      streamId: row.stream_id,
    }));

  const effectsLogged = async (): Promise<LoggedEffect[]> =>
    (
      await database.query<{ data: LoggedEffect }>(
        "SELECT data FROM es_events WHERE event_type = 'DirectDebitEffectCreated'",
      )
    ).rows.map((row) => row.data);

  /**
   * (a) Whatever was killed when: an effect is in at most one remittance, every effect a
   * remittance lists is marked remitted once on its invoice, by the same transaction, and no
   * effect is marked remitted without its remittance. (c) Each total is the sum of its effects.
   */
  async function expectNoHalfRemittance(): Promise<LoggedRemittance[]> {
    const remittances = await remittancesLogged();
    const remits = await remitsLogged();
    const effects = new Map((await effectsLogged()).map((e) => [e.effectId, e]));
    const remittanceOf = new Map<string, string>();
    for (const remittance of remittances) {
      expect(remittance.excluded).toEqual([]);
      expect(remittance.totalCents).toBe(
        remittance.transactions.reduce((sum, t) => sum + t.amountCents, 0),
      );
      for (const transaction of remittance.transactions) {
        expect(remittanceOf.get(transaction.effectId)).toBeUndefined();
        remittanceOf.set(transaction.effectId, remittance.remittanceId);
        expect(transaction.amountCents).toBe(effects.get(transaction.effectId)?.amountCents);
        const marked = remits.filter(
          (r) => r.effectId === transaction.effectId && r.remittanceId === remittance.remittanceId,
        );
        expect(marked).toHaveLength(1);
        expect(marked[0]).toMatchObject({
          streamId: invoiceStream(transaction.invoiceId),
          transactionId: remittance.transactionId,
        });
      }
    }
    for (const remit of remits) expect(remittanceOf.get(remit.effectId)).toBe(remit.remittanceId);
    expect(remits).toHaveLength(remittanceOf.size);
    return remittances;
  }

  /** Whether the API process is running a query: at work on the request, once it is sent. */
  const apiQuerying = async (process: AppProcess) =>
    Number(
      (
        await database.query<{ n: string }>(
          "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND state = 'active'",
          [process.applicationName],
        )
      ).rows[0].n,
    ) > 0;

  /**
   * Sends a remittance to `process`; from when it is seen at work on it, waits for the answer
   * (`killAfterMs` null) or kills it `killAfterMs` later.
   */
  async function remittanceOn(process: AppProcess, killAfterMs: number | null) {
    const before = await countOf('RemittanceCreated');
    let answered: number | null = null;
    const answer = remit().then(
      (res) => {
        answered = res.status;
      },
      () => undefined,
    );
    await until('the API to query', async () => answered !== null || (await apiQuerying(process)));
    const atWork = Date.now();
    if (killAfterMs === null) await answer;
    else {
      await new Promise((resolve) => setTimeout(resolve, killAfterMs));
      await process.kill();
      await answer;
    }
    const committed = (await expectNoHalfRemittance()).length > before;
    return { answered, committed, tookMs: Date.now() - atWork };
  }

  const countOf = async (type: string) =>
    Number(
      (
        await database.query<{ n: string }>(
          'SELECT count(*) AS n FROM es_events WHERE event_type = $1',
          [type],
        )
      ).rows[0].n,
    );

  it('leaves no effect in two remittances and none lost', async () => {
    const began = Date.now();
    const given = new BillingFixtures(testApp);
    const customerIds: string[] = [];
    for (let n = 0; n < CUSTOMERS; n += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, CUSTOMERS - n) }, (_, i) =>
          given.billedContract(SERIES, 1000 + n + i),
        ),
      );
      customerIds.push(...batch.map((c) => c.customerId));
    }
    const periods = [...PERIODS];
    /** Bills every customer for the next period (in process) once every effect is remitted. */
    const effectsToRemit = async () => {
      if ((await countOf('EffectRemitted')) < (await countOf('DirectDebitEffectCreated'))) return;
      await given.post('/billing/runs', { period: periods.shift(), customerIds }, 201);
      await given.http().get('/api/customers').set(given.readAfterWrites()).expect(200);
    };
    await effectsToRemit();
    expect(await countOf('DirectDebitEffectCreated')).toBe(CUSTOMERS);
    const seeded = Date.now();

    // A whole remittance first, timed: the rounds kill the API at fractions of that time.
    api = await startApi();
    const whole = await remittanceOn(api, null);
    expect(whole).toMatchObject({ answered: 201, committed: true });
    // Each round kills a fresh process, as cold as this one was when timed.
    await api.stop();
    const rounds: Round[] = [];
    for (const fraction of killFractions) {
      await effectsToRemit();
      api = await startApi();
      const killedAfterMs = Math.round(fraction * whole.tookMs);
      const { answered, committed } = await remittanceOn(api, killedAfterMs);
      rounds.push({ killedAfterMs, fraction, answered, committed });
    }
    const killed = Date.now();

    // Two remittances at once, then a third: each effect goes into one of them, and the third
    // has nothing left to take.
    await effectsToRemit();
    api = await startApi();
    const concurrentFrom = Date.now();
    const concurrent = await Promise.all([remit(), remit()]);
    const concurrentMs = Date.now() - concurrentFrom;
    for (const res of concurrent) {
      if (res.status !== 201) {
        expect(res.status).toBe(422);
        expect(res.body.details[0].code).toBe('REMITTANCE.NOTHING_TO_REMIT');
      }
    }
    const last = await remit().expect(422);
    expect(last.body.details[0].code).toBe('REMITTANCE.NOTHING_TO_REMIT');
    await api.stop();

    // (b) Every effect created is in exactly one remittance, and marked so once.
    const remittances = await expectNoHalfRemittance();
    const effects = await effectsLogged();
    expect(effects).toHaveLength(CUSTOMERS * (PERIODS.length - periods.length));
    const inRemittances = remittances.flatMap((r) => r.transactions.map((t) => t.effectId));
    expect(inRemittances.sort()).toEqual(effects.map((e) => e.effectId).sort());

    // The read model the operators see agrees with the log, once it has caught up.
    const written = Math.max(...concurrent.map((res) => Number(res.body.position ?? 0)));
    const listed = await given
      .http()
      .get('/api/collections/remittances?pageSize=100')
      .set({ ...given.readAfterWrites(), 'X-Min-Position': String(written) })
      .expect(200);
    const summary = (r: { id: string; effects: number; totalCents: number }) =>
      `${r.id} ${r.effects} ${r.totalCents}`;
    expect(listed.body.items.map(summary).sort()).toEqual(
      remittances
        .map((r) =>
          summary({ id: r.remittanceId, effects: r.transactions.length, totalCents: r.totalCents }),
        )
        .sort(),
    );

    const committed = rounds.filter((r) => r.committed).length;
    const concurrentCreated = concurrent.filter((res) => res.status === 201).length;
    console.log(
      `remittance crash: seeded ${CUSTOMERS} customers in ${seeded - began} ms; a whole remittance took ${whole.tookMs} ms; rounds ${JSON.stringify(rounds)} in ${killed - seeded} ms; concurrent ${concurrent.map((res) => res.status).join('/')} in ${concurrentMs} ms; total ${Date.now() - began} ms`,
    );
    recordFigure('remittance-crash', {
      guarantee:
        'API killed (SIGKILL) mid-remittance: no effect in two remittances, none lost, each remittance whole or absent (R18)',
      test: 'test/reliability/remittance-crash.rel-spec.ts',
      figure: `${KILL_ROUNDS} SIGKILLs ${rounds.map((r) => r.killedAfterMs).join('/')} ms into the API's work on a remittance of ${CUSTOMERS} effects (a whole one took ${whole.tookMs} ms; ${committed} killed after its commit: whole; ${KILL_ROUNDS - committed} before: nothing written); then 2 concurrent remittances (${concurrentCreated} created); ${effects.length} effects, each in exactly 1 of ${remittances.length} remittances, marked remitted once in the same transaction; totals = sum of effects, in the log and the read model`,
      storage: 'PostgreSQL',
    });
  }, 300_000);
});
