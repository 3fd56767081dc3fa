import { PostgresDatabase } from '@app/database';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  BilledContract,
  BillingFixtures,
  operator,
  recentMonths,
} from '../support/billing-fixtures';
import { listenPortForChildProcess } from '../support/listen-port';
import { startTestApp, TestApp } from '../support/test-app';
import { AppProcess, ENTRIES } from './support/app-process';
import { startKillableApi, waitUntil } from './support/killable-api';
import { logHead, lowestCheckpoint } from './support/projection-progress';
import {
  clearReadModels,
  readModelTables,
  snapshotDifferences,
  snapshotReadModels,
} from './support/read-model-snapshot';
import { recordFigure } from './support/reliability-figures';

const databaseUrl = process.env.DATABASE_URL;
const [PERIOD] = recentMonths(1);
const EMAILS = 20;
const RACERS_PER_EMAIL = 4;
const KEYS = 30;
const SERIES = ['ESCALAA', 'ESCALAB'];
const CONTRACTS = 16;
const RUNS_PER_API = 2;

if (!databaseUrl)
  console.warn('scale-out suite skipped: two API processes need PostgreSQL (set DATABASE_URL)');
const describeOnPostgres = databaseUrl ? describe : describe.skip;

/**
 * The documented deployment for scale (docs/projections.md): two API processes with
 * `PROJECTIONS_IN_PROCESS=false` and one `npm run projections` runner, on one PostgreSQL. The
 * rules a single process could keep in memory must hold across processes: one customer per
 * e-mail (R2), one execution per Idempotency-Key, gapless invoice numbers per series (R8), and
 * read models built by the runner equal to a clean rebuild.
 */
describeOnPostgres('two API processes and one projection process on one PostgreSQL', () => {
  let testApp: TestApp;
  let database: PostgresDatabase;
  const apis: AppProcess[] = [];
  const urls: string[] = [];
  let runner: AppProcess | undefined;
  let runners = 0;
  /** The highest position any answer carried: what the runner must reach before the log is read. */
  let written = 0;
  const figures: string[] = [];

  const startRunner = () =>
    AppProcess.start(
      ENTRIES.projections,
      {
        DATABASE_URL: databaseUrl!,
        DATABASE_SCHEMA: testApp.config.DATABASE_SCHEMA!,
        EVENT_POLL_INTERVAL_MS: '20',
        LOG_LEVEL: 'warn',
      },
      `${testApp.config.DATABASE_SCHEMA}_runner_${++runners}`,
    );

  beforeAll(async () => {
    // The in-process app only creates the schema (migrations); it serves nothing and projects nothing.
    testApp = await startTestApp({ PROJECTIONS_IN_PROCESS: 'false' });
    database = await PostgresDatabase.open({
      connectionString: databaseUrl!,
      schema: testApp.config.DATABASE_SCHEMA,
    });
    for (let n = 0; n < 2; n++) {
      const port = await listenPortForChildProcess();
      apis.push(await startKillableApi(testApp, port));
      urls.push(`http://127.0.0.1:${port}`);
    }
    runner = startRunner();
  }, 120_000);
  afterAll(async () => {
    for (const api of apis) await api.stop();
    await runner?.stop();
    await database?.close();
    await testApp?.close();
  });

  const http = (api: number) => request(urls[api]);
  const track = <T extends { body: { position?: number | null } }>(res: T): T => {
    written = Math.max(written, Number(res.body.position ?? 0));
    return res;
  };
  const countOf = async (type: string, where = 'true', values: unknown[] = []) =>
    Number(
      (
        await database.query<{ n: string }>(
          `SELECT count(*) AS n FROM es_events WHERE event_type = $1 AND ${where}`,
          [type, ...values],
        )
      ).rows[0].n,
    );
  /** Waits until the projection process has applied everything answered so far. */
  const projected = () =>
    waitUntil(
      `the projection process to reach position ${written}`,
      async () => (await lowestCheckpoint(database)) >= BigInt(written),
      { pollMs: 20, context: () => runner?.lastOutput ?? '' },
    );

  it(`${RACERS_PER_EMAIL} registrations of one e-mail, half on each API: exactly one wins (R2)`, async () => {
    const before = await countOf('CustomerRegistered');
    const winners: { id: string; email: string; api: number }[] = [];
    await Promise.all(
      Array.from({ length: EMAILS }, async (_, n) => {
        const email = `unica-${n}-${randomUUID().slice(0, 8)}@escala.example`;
        const answers = await Promise.all(
          Array.from({ length: RACERS_PER_EMAIL }, (_, racer) =>
            http(racer % 2)
              .post('/api/customers')
              .set(operator)
              .send({
                personType: 'legal',
                name: `Núñez y Peña ${n}.${racer} SL`,
                // The same address in another case is the same e-mail.
                email: racer < 2 ? email : email.toUpperCase(),
              }),
          ),
        );
        const statuses = answers.map((res) => res.status).sort();
        expect(statuses).toEqual([201, ...Array(RACERS_PER_EMAIL - 1).fill(409)]);
        const won = answers.findIndex((res) => res.status === 201);
        winners.push({ id: track(answers[won]).body.id, email, api: won % 2 });
      }),
    );
    expect(await countOf('CustomerRegistered')).toBe(before + EMAILS);

    // Each winner, read on the other API: the runner's read model, caught up to the write.
    await projected();
    for (const winner of winners) {
      const file = await http(1 - winner.api)
        .get(`/api/customers/${winner.id}`)
        .set({ ...operator, 'X-Min-Position': String(written) })
        .expect(200);
      expect(String(file.body.email).toLowerCase()).toBe(winner.email);
    }
    figures.push(`${EMAILS} e-mails × ${RACERS_PER_EMAIL} racing registrations: ${EMAILS} won`);
  }, 120_000);

  it('one Idempotency-Key sent to both APIs at once: one execution, one answer', async () => {
    const before = await countOf('CustomerRegistered');
    let stillRunning = 0;
    await Promise.all(
      Array.from({ length: KEYS }, async (_, n) => {
        const key = `escala-${n}-${randomUUID()}`;
        const body = { personType: 'legal', name: `Idempotente ${n} SL` };
        const send = (api: number) =>
          http(api)
            .post('/api/customers')
            .set({ ...operator, 'Idempotency-Key': key })
            .send(body);
        let answers: request.Response[] = await Promise.all([send(0), send(1)]);
        // A key whose first request is still running elsewhere answers 409; sent again
        // (as a client retries), it gets the first request's answer.
        for (let retry = 0; answers.some((res) => res.status === 409) && retry < 100; retry++) {
          stillRunning += answers.filter((res) => res.status === 409).length;
          await new Promise((resolve) => setTimeout(resolve, 20));
          answers = await Promise.all(
            answers.map((res, api) => (res.status === 409 ? send(api) : Promise.resolve(res))),
          );
        }
        expect(answers.map((res) => res.status)).toEqual([201, 201]);
        expect(answers[1].body).toEqual(answers[0].body);
        track(answers[0]);
        // The same key with another body, on either API: 422, nothing written.
        await http(n % 2)
          .post('/api/customers')
          .set({ ...operator, 'Idempotency-Key': key })
          .send({ ...body, name: 'Otro cuerpo SL' })
          .expect(422);
      }),
    );
    expect(await countOf('CustomerRegistered')).toBe(before + KEYS);
    figures.push(
      `${KEYS} keys sent to both APIs at once: ${KEYS} executions (${stillRunning} answers 409 still running, then the first answer)`,
    );
  }, 120_000);

  it(`billing runs racing on both APIs: one invoice per contract, numbers gapless per series (R8)`, async () => {
    const contracts: BilledContract[] = [];
    const fixtures = urls.map((url) => new BillingFixtures(url));
    for (let n = 0; n < CONTRACTS; n++)
      contracts.push(await fixtures[n % 2].billedContract(SERIES[n % SERIES.length], 1200 + n));
    for (const given of fixtures) written = Math.max(written, given.last);

    const answers = await Promise.all(
      Array.from({ length: 2 * RUNS_PER_API }, (_, run) =>
        http(run % 2)
          .post('/api/billing/runs')
          .set(operator)
          .send({ period: PERIOD }),
      ),
    );
    for (const res of answers) expect(res.status).toBe(201);
    for (const res of answers) track(res);
    const answered = answers.flatMap((res) => res.body.issued as { contractId: string }[]);
    expect(answered.map((i) => i.contractId).sort()).toEqual(
      contracts.map((c) => c.contractId).sort(),
    );

    // The log is the truth; the runner having applied every answer's position, it shows them all.
    await projected();
    const { rows } = await database.query<{ contract: string; series: string; number: number }>(
      `SELECT data->>'contractId' AS contract, data->>'series' AS series, (data->>'number')::int AS number
         FROM es_events WHERE event_type = 'InvoiceIssued' AND data->>'cyclePeriod' = $1`,
      [PERIOD],
    );
    expect(rows.map((row) => row.contract).sort()).toEqual(
      contracts.map((c) => c.contractId).sort(),
    );
    for (const series of SERIES) {
      const numbers = rows
        .filter((row) => row.series === series)
        .map((row) => row.number)
        .sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: CONTRACTS / SERIES.length }, (_, i) => i + 1));
    }
    figures.push(
      `${2 * RUNS_PER_API} runs racing (${RUNS_PER_API} per API) over ${CONTRACTS} contracts: ${rows.length} invoices, numbers 1–${CONTRACTS / SERIES.length} in each of ${SERIES.length} series`,
    );
  }, 180_000);

  it('the projection process built the read models a clean rebuild builds', async () => {
    await projected();
    const head = await logHead(database);
    await waitUntil('the runner to reach the head', async () => {
      return (await lowestCheckpoint(database)) >= head;
    });
    await runner!.stop();
    const live = await snapshotReadModels(database);

    await clearReadModels(database);
    runner = startRunner();
    await waitUntil('a clean rebuild to reach the head', async () => {
      return (await lowestCheckpoint(database)) >= head;
    });
    const rebuilt = await snapshotReadModels(database);
    expect(snapshotDifferences(live, rebuilt)).toEqual({});
    const rows = Object.values(rebuilt).reduce((sum, table) => sum + table.length, 0);
    expect(rows).toBeGreaterThan(EMAILS + KEYS + CONTRACTS);

    recordFigure('scale-out', {
      guarantee:
        'Two API processes and one projection process on one PostgreSQL keep the rules a single process keeps: one customer per e-mail, one execution per Idempotency-Key, gapless invoice numbers; the runner builds what a clean rebuild builds',
      test: 'test/reliability/scale-out.rel-spec.ts',
      figure: `${figures.join('; ')}; log head ${head}, ${readModelTables().length} tables / ${rows} rows equal to a clean rebuild`,
      storage: 'PostgreSQL',
    });
  }, 120_000);
});
