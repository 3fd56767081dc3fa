import { PostgresDatabase } from '@app/database';
import { allReadModelProjections } from '@app/read-models';
import fc from 'fast-check';
import { runCustomerWorkload } from './support/customer-workload';
import { AppProcess, ENTRIES } from './support/app-process';
import {
  clearReadModels,
  readModelTables,
  snapshotDifferences,
  snapshotReadModels,
} from './support/read-model-snapshot';
import {
  logHead,
  lowestCheckpoint as lowestCheckpointOf,
  projectionCheckpoints,
} from './support/projection-progress';
import { recordFigure } from './support/reliability-figures';
import { startTestApp, TestApp } from '../support/test-app';

const databaseUrl = process.env.DATABASE_URL;
const SEED = 20261123;
const SEEDED_CUSTOMERS = Number(process.env.CRASH_CUSTOMERS ?? 150);
const LIVE_CUSTOMERS = Number(process.env.CRASH_LIVE_CUSTOMERS ?? 50);
const KILLS_PER_PHASE = Number(process.env.CRASH_KILLS ?? 5);
/** How long after a runner has connected it is killed: seeded, so a failure can be replayed. */
const killDelays = fc.sample(fc.integer({ min: 0, max: 1500 }), {
  seed: SEED,
  numRuns: 2 * KILLS_PER_PHASE,
});

if (!databaseUrl)
  console.warn(
    'projection crash suite skipped: it needs PostgreSQL (set DATABASE_URL); PGlite is one process',
  );
const describeOnPostgres = databaseUrl ? describe : describe.skip;

describeOnPostgres(
  'projection runner killed with SIGKILL during a rebuild and live catch-up',
  () => {
    let testApp: TestApp;
    let database: PostgresDatabase;
    const runners: AppProcess[] = [];
    let spawned = 0;
    const projectionNames = allReadModelProjections().map((projection) => projection.name);

    beforeAll(async () => {
      // The API writes the log; projections run only in the child processes.
      testApp = await startTestApp({ PROJECTIONS_IN_PROCESS: 'false' });
      database = await PostgresDatabase.open({
        connectionString: databaseUrl!,
        schema: testApp.config.DATABASE_SCHEMA,
      });
    }, 60_000);
    afterAll(async () => {
      for (const runner of runners) await runner.kill();
      await database?.close();
      await testApp?.close();
    });

    /** What every child process runs on: the test app's database and schema, quiet logs. */
    const childEnv = () => ({
      DATABASE_URL: databaseUrl!,
      DATABASE_SCHEMA: testApp.config.DATABASE_SCHEMA!,
      LOG_LEVEL: 'warn',
    });
    /** `transactions`: 1 as the live runner, one per projection as a rebuild applies a batch. */
    const startRunner = (transactions = 1) => {
      const runner = AppProcess.start(
        ENTRIES.projections,
        {
          ...childEnv(),
          EVENT_POLL_INTERVAL_MS: '20',
          PROJECTION_TRANSACTIONS: String(transactions),
        },
        `${testApp.config.DATABASE_SCHEMA}_runner_${++spawned}`,
      );
      runners.push(runner);
      return runner;
    };
    const head = () => logHead(database);
    const checkpoints = () => projectionCheckpoints(database);
    const lowestCheckpoint = () => lowestCheckpointOf(database);
    async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!(await condition())) {
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${what}\n${runners.at(-1)?.lastOutput ?? ''}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    const connected = (runner: AppProcess) => async () =>
      Number(
        (
          await database.query<{ n: string }>(
            'SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1',
            [runner.applicationName],
          )
        ).rows[0].n,
      ) > 0;

    /** Whether the projections' checkpoints stand at different positions. */
    const checkpointsDiverge = async () => new Set(await checkpoints()).size > 1;

    /** Starts a runner, lets it work for the next seeded delay after it connects, kills it. */
    async function killOnce(
      delayMs: number,
      transactions = 1,
    ): Promise<{ before: bigint; after: bigint; diverged: boolean }> {
      const runner = startRunner(transactions);
      await until('the runner to connect', connected(runner));
      const before = await lowestCheckpoint();
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      expect(runner.running).toBe(true);
      await runner.kill();
      return { before, after: await lowestCheckpoint(), diverged: await checkpointsDiverge() };
    }
    async function runToHead(): Promise<void> {
      const runner = startRunner();
      const target = await head();
      await until('the runner to reach the head of the log', async () => {
        return (await lowestCheckpoint()) >= target;
      });
      await runner.stop();
    }

    it('loses and doubles no update: the read models equal a clean rebuild', async () => {
      const seededCommands = await runCustomerWorkload(testApp, {
        customers: SEEDED_CUSTOMERS,
        concurrency: 4,
        label: 'seeded',
      });
      const seededHead = await head();
      expect(await lowestCheckpoint()).toBe(0n);

      // Rebuild from empty, killed at seeded points, each projection's share of a batch in a
      // transaction of its own (as `npm run cli -- rebuild` applies it): checkpoints diverge.
      const rebuildKills = [];
      for (let kill = 0; kill < KILLS_PER_PHASE; kill++)
        rebuildKills.push(await killOnce(killDelays[kill], projectionNames.length));
      const killedMidRebuild = rebuildKills.filter((k) => k.after < seededHead).length;
      const leftDiverged = rebuildKills.filter((k) => k.diverged).length;

      // Live catch-up: more commands arrive while runners are started and killed.
      let liveCommands = 0;
      const liveWorkload = runCustomerWorkload(testApp, {
        customers: LIVE_CUSTOMERS,
        concurrency: 2,
        label: 'live',
      }).then((commands) => (liveCommands = commands));
      for (let kill = 0; kill < KILLS_PER_PHASE; kill++)
        await killOnce(killDelays[KILLS_PER_PHASE + kill]);
      await liveWorkload;
      await runToHead();
      const afterCrashes = await snapshotReadModels(database);

      // The same log projected once more from empty by a runner nobody kills.
      await clearReadModels(database);
      await runToHead();
      const cleanRebuild = await snapshotReadModels(database);

      expect(snapshotDifferences(afterCrashes, cleanRebuild)).toEqual({});
      const rows = Object.values(cleanRebuild).reduce((sum, table) => sum + table.length, 0);
      const events = await head();
      expect(rows).toBeGreaterThan(SEEDED_CUSTOMERS * 5);
      const kills = 2 * KILLS_PER_PHASE;
      console.log(
        `projection crash suite: ${kills} SIGKILLs survived (${killedMidRebuild} mid-rebuild before the head at ${seededHead}, ${leftDiverged} with diverging checkpoints), ` +
          `${seededCommands} + ${liveCommands} commands, log head ${events}, ${readModelTables().length} tables / ${rows} rows equal to a clean rebuild`,
      );
      recordFigure('projection-crash', {
        guarantee:
          'A projection runner killed (SIGKILL) during a rebuild or live catch-up loses and doubles nothing: after restart the read models equal a clean rebuild',
        test: 'test/reliability/projection-crash.rel-spec.ts',
        figure: `${kills} kills survived (${KILLS_PER_PHASE} during a rebuild from empty with a transaction per projection, ${killedMidRebuild} of them before it reached the head, ${leftDiverged} leaving the projections' checkpoints at different positions; ${KILLS_PER_PHASE} during live catch-up with writers appending); ${seededCommands} + ${liveCommands} commands; ${readModelTables().length} tables, ${rows} rows equal`,
        storage: 'PostgreSQL',
      });
    }, 240_000);

    it('a rebuild killed while its secondary indexes are dropped: the next runner builds them again', async () => {
      // The read models stand at the head of the log the test above left.
      await runToHead();
      const cleanRebuild = await snapshotReadModels(database);
      const indexes = async () =>
        (
          await database.query<{ indexname: string; indexdef: string }>(
            'SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname',
          )
        ).rows;
      const deferred = async () =>
        Number(
          (
            await database.query<{ n: string }>(
              'SELECT count(*) AS n FROM read_model_deferred_indexes',
            )
          ).rows[0].n,
        );
      const indexesBefore = await indexes();
      const rebuild = AppProcess.start(
        ENTRIES.cli,
        // This log is small: defer the indexes anyway.
        { ...childEnv(), REBUILD_DEFER_INDEXES_FROM: '0' },
        `${testApp.config.DATABASE_SCHEMA}_rebuild`,
        ['rebuild'],
      );
      runners.push(rebuild);
      await until('the rebuild to drop the secondary indexes', async () => (await deferred()) > 0);
      await rebuild.kill();
      const deferredAtKill = await deferred();
      expect(deferredAtKill).toBeGreaterThan(0);
      expect((await indexes()).length).toBe(indexesBefore.length - deferredAtKill);

      await runToHead();
      expect(await indexes()).toEqual(indexesBefore);
      expect(await deferred()).toBe(0);
      expect(snapshotDifferences(await snapshotReadModels(database), cleanRebuild)).toEqual({});
      recordFigure('rebuild-crash', {
        guarantee:
          'A rebuild killed (SIGKILL) while its secondary indexes are dropped leaves them recorded: the next process to open the read models builds them again, and the read models equal a clean rebuild',
        test: 'test/reliability/projection-crash.rel-spec.ts',
        figure: `${deferredAtKill} of ${indexesBefore.length} indexes dropped at the kill; all ${indexesBefore.length} back, as defined, after the projection runner started; ${readModelTables().length} tables equal`,
        storage: 'PostgreSQL',
      });
    }, 120_000);
  },
);
