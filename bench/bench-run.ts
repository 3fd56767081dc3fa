import { allReadModelProjections, ProjectionRunner } from '@app/read-models';
import { generateWorkload } from './workload/generate-workload';
import { loadWorkload, LoadedWorkload, reuseLoadedWorkload } from './workload/load-workload';
import { DEFAULT_WORKLOAD } from './workload/workload-options';
import { BenchDatabaseKind, BenchStorage, openBenchStorage } from './support/bench-storage';
import { runTsForJson } from './support/child-process';
import { startApiProcess } from './support/api-process';
import { megabytes, round } from './support/measure';
import { appendStage, AppendFigures } from './stages/append-commands';
import { bareCopyBaseline, bareInsertBaseline } from './stages/bare-insert-baseline';
import { cycleSimulationStage, SimulationFigures } from './stages/cycle-simulation';
import { customerFileInProcess, QueryFigures } from './stages/customer-file-in-process';
import { httpStages, HttpStageFigures, HttpStageOptions } from './stages/http-stages';
import { bareApiBaseline, HttpQueryFigures } from './stages/bare-api';
import { emptyReadModels, rebuildProjections, RebuildFigures } from './stages/rebuild-projections';
import { invoiceNumberingStage, NumberingFigures } from './stages/invoice-numbering';
import { customerSearchStage, SearchFigures } from './stages/customer-search';
import { peerEmmettStage, PeerFigures } from './stages/peer-emmett';
import { startupStage, StartupFigures } from './stages/startup';
import { scaleOutStage, ScaleOutFigures } from './stages/scale-out';
import { simulationHttpStage, SimulationHttpFigures } from './stages/simulation-http';
import { consoleStage, ConsoleFigures } from './stages/console-pages';

export const STAGES = [
  'append',
  'http',
  'scale-out',
  'rebuild',
  'simulation',
  'simulation-http',
  'customer-file',
  'numbering',
  'search',
  'peer-emmett',
  'startup',
  'console',
] as const;
export type Stage = (typeof STAGES)[number];

/**
 * What a run without `--only` runs: every stage but `search`, which loads read-model rows of
 * its own into a fresh database (`--only search`, with `--large` for 100,000 customers).
 */
export const DEFAULT_STAGES: readonly Stage[] = STAGES.filter((stage) => stage !== 'search');

export interface RunOptions {
  db: BenchDatabaseKind;
  customers: number;
  stages: readonly Stage[];
  httpSeconds: number;
  appendCommands: number;
  /** Rounds of the peer stage per writer count, alternating the sides' order. */
  peerRounds: number;
  /** Rounds of the scale-out stage per side (one API, two APIs), alternating their order. */
  scaleOutRounds: number;
  /** Also rebuild applying each event as a batch of one, to compare. */
  rebuildPerEvent: boolean;
  /** Use the PostgreSQL database an earlier run loaded instead of loading it again. */
  reuseDatabase?: boolean;
  /** Rounds of the start-up stage (each figure is their median). */
  startupRuns: number;
  /** Customers whose every console page the console stage times (seeded sample). */
  consoleCustomers: number;
  log(message: string): void;
}

export interface RebuildResult extends RebuildFigures {
  peakRssMb: number | null;
  baselineRows: number;
  baselineSeconds: number;
  baselineEventsPerSecond: number;
  ratio: number;
  /** The same rows by bare COPYs, the way the rebuild writes new rows: events/s and ratio. */
  copyBaselineSeconds: number;
  copyBaselineEventsPerSecond: number;
  copyRatio: number;
  /** The same rebuild event by event, when asked for (`--rebuild-per-event`). */
  perEvent?: RebuildFigures & { peakRssMb: number | null };
}

export interface RunResult {
  db: BenchDatabaseKind;
  customers: number;
  workload: LoadedWorkload;
  append?: AppendFigures[];
  http?: HttpStageFigures & {
    apiPeakRssMb: number | null;
    /** The customer-file query's baseline: a bare node:http + pg server, the same row. */
    bareCustomerFile: HttpQueryFigures;
    /** The registration's baseline: the same server writing the same rows in one statement. */
    bareRegisterCustomer: HttpQueryFigures;
  };
  customerFile?: QueryFigures;
  rebuild?: RebuildResult;
  simulation?: SimulationFigures;
  /** `POST /billing/simulations` for every customer: the API's memory (PostgreSQL only). */
  simulationHttp?: SimulationHttpFigures;
  numbering?: NumberingFigures;
  search?: SearchFigures;
  /** The append stage's command beside Emmett's PostgreSQL event store (PostgreSQL only). */
  peerEmmett?: PeerFigures;
  startup?: StartupFigures;
  /** One projection process with one, then two, API processes (PostgreSQL only). */
  scaleOut?: ScaleOutFigures;
  /** Every console page of a sample of customers, one request at a time (PostgreSQL only). */
  console?: ConsoleFigures;
}

/** Stages that load no workload: each sets up what it measures. */
const STANDALONE_STAGES: readonly Stage[] = ['search', 'startup'];

/**
 * One database, one size: load the seeded workload, then each stage asked for; the search
 * stage last, on a fresh database of its own (no workload: rows written straight); the
 * start-up stage on the embedded default, whatever `--db` says.
 */
export async function runOnce(options: RunOptions): Promise<RunResult> {
  const others = options.stages.filter((stage) => !STANDALONE_STAGES.includes(stage));
  const result: RunResult =
    others.length > 0
      ? await runWorkloadStages({ ...options, stages: others })
      : {
          db: options.db,
          customers: options.customers,
          workload: { events: 0, streams: 0, seconds: 0, notLoaded: true },
        };
  if (options.stages.includes('search')) {
    const storage = await openBenchStorage(options.db);
    try {
      result.search = await customerSearchStage(storage.readModels, options.customers);
    } finally {
      await storage.close();
    }
    const [headline] = result.search.queries;
    options.log(
      `  search: combined filter p50 ${headline.p50Ms} ms, p99 ${headline.p99Ms} ms (unfiltered page p50 ${result.search.baseline.p50Ms} ms)`,
    );
  }
  if (options.stages.includes('startup')) {
    result.startup = await startupStage(options.startupRuns, options.log);
    const { cli, apiHealthy } = result.startup;
    options.log(
      `  startup: CLI call ${cli.viaNpmMs} ms, API healthy ${apiHealthy.viaNpmMs} ms (node -e 0: ${result.startup.nodeMs} ms)`,
    );
  }
  return result;
}

async function runWorkloadStages(options: RunOptions): Promise<RunResult> {
  const { log } = options;
  if (options.stages.every((stage) => stage === 'numbering')) {
    // In process and from the domain alone: no database, no workload to load.
    const numbering = invoiceNumberingStage(options.customers);
    const workload = { events: 0, streams: 0, seconds: 0, notLoaded: true };
    return { db: options.db, customers: options.customers, workload, numbering };
  }
  const storage = await openBenchStorage(options.db, options.reuseDatabase);
  try {
    const { loaded, customerIds, customers } = options.reuseDatabase
      ? await reuseLoadedWorkload(storage)
      : await generateAndLoad(storage, options);
    log(
      loaded.reused
        ? `  reusing ${loaded.events} events in ${loaded.streams} streams (ANALYZE run)`
        : `  ${loaded.events} events in ${loaded.streams} streams, loaded in ${round(loaded.seconds)} s`,
    );
    const result: RunResult = { db: options.db, customers: options.customers, workload: loaded };
    const want = (stage: Stage) => options.stages.includes(stage);
    if (want('rebuild')) {
      result.rebuild = await rebuildStage(storage, options.rebuildPerEvent);
      log(
        `  rebuild: ${result.rebuild.eventsPerSecond} events/s (baseline ${result.rebuild.baselineEventsPerSecond})`,
      );
    } else {
      await new ProjectionRunner(
        storage.store,
        storage.readModels,
        allReadModelProjections(),
      ).catchUp();
    }
    if (want('simulation')) {
      result.simulation = await cycleSimulationStage(
        storage.readModels,
        options.customers,
        '2026-01-01',
      );
      const simulation = result.simulation;
      log(
        `  simulation: ${simulation.secondsPer10kCustomers} s per 10,000 customers in batches (RSS +${simulation.rssGrowthMB} MB), ${simulation.wholeSecondsPer10kCustomers} s whole (RSS +${simulation.wholeRssGrowthMB} MB)`,
      );
    }
    if (want('simulation-http')) {
      if (storage.databaseUrl) {
        result.simulationHttp = await simulationHttpStage(
          storage.databaseUrl,
          options.customers,
          '2026-01-01',
        );
        const { ndjson, ndjsonCapped: capped, json } = result.simulationHttp;
        log(
          `  simulation over HTTP: NDJSON ${ndjson.secondsPer10kCustomers} s per 10,000, API RSS ${ndjson.rssBeforeMb} → +${ndjson.rssGrowthMb} MB; in a ${capped.heapCapMb} MB heap ${capped.secondsPer10kCustomers} s, +${capped.rssGrowthMb} MB` +
            (json
              ? `; JSON ${json.secondsPer10kCustomers} s per 10,000, +${json.rssGrowthMb} MB`
              : ''),
        );
      } else
        log('  simulation-http: PostgreSQL only (the API runs in a process of its own), skipped');
    }
    if (want('numbering')) {
      result.numbering = invoiceNumberingStage(options.customers);
      const { run, creditNote } = result.numbering;
      log(
        `  numbering: a run of ${run.runInvoices} in ${run.seriesNumbers} numbers ${run.ms} ms, a credit note after ${creditNote.allocations} ${creditNote.ms} ms`,
      );
    }
    if (want('console')) {
      if (storage.databaseUrl) {
        // What autovacuum does to a live database (PostgreSQL 13+ vacuums after inserts too):
        // statistics, and the visibility map the index-only scans need (debt ageing's).
        const vacuumed = performance.now();
        await storage.readModels.query('VACUUM ANALYZE');
        log(`  console: VACUUM ANALYZE first, ${round((performance.now() - vacuumed) / 1000)} s`);
        result.console = await consoleStage(storage.databaseUrl, customerIds, {
          sample: options.consoleCustomers,
          log,
        });
        const slowest = [...result.console.pages].sort((a, b) => b.p95Ms - a.p95Ms)[0];
        log(
          `  console: ${result.console.pages.length} kinds of page, ${result.console.customers} customers in ${result.console.seconds} s; slowest p95 ${slowest?.p95Ms} ms (${slowest?.kind}), ${result.console.failures.length} failures`,
        );
      } else log('  console: PostgreSQL only (the API runs in a process of its own), skipped');
    }
    if (want('http') && storage.databaseUrl) {
      const subscriptionIds = customers
        ? customers.flatMap((customer) => [...customer.subscriptions.keys()])
        : await activeSubscriptionIds(storage);
      result.http = await httpStage(
        storage.databaseUrl,
        { customerIds, subscriptionIds },
        options.httpSeconds,
      );
      log(`  http: POST /customers ${result.http.registerCustomer.requestsPerSecond} req/s`);
    }
    if (want('scale-out')) {
      if (storage.databaseUrl) {
        result.scaleOut = await scaleOutStage(storage.db, storage.databaseUrl, customerIds, {
          seconds: options.httpSeconds,
          rounds: options.scaleOutRounds,
          log,
        });
        log(
          `  scale-out: two APIs / one, POST /customers ×${result.scaleOut.writeRatio}, GET /customers/:id ×${result.scaleOut.readRatio}`,
        );
      } else log('  scale-out: PostgreSQL only (the embedded store has one process), skipped');
    }
    if (want('customer-file') && storage.kind === 'pglite') {
      result.customerFile = await customerFileInProcess(storage.readModels, customerIds, 2000);
      log(`  customer file (in process): p99 ${result.customerFile.p99Ms} ms`);
    }
    if (want('append')) {
      const commands = options.appendCommands;
      result.append = await appendStage(
        storage.db,
        storage.store,
        customerIds,
        [1, 8, 32],
        commands,
      );
      log(
        `  append: ${result.append.map((a) => `${a.writers}w ${a.eventsPerSecond}/s`).join(', ')}`,
      );
    }
    if (want('peer-emmett')) {
      if (storage.databaseUrl)
        result.peerEmmett = await peerEmmettStage(storage.store, customerIds, {
          databaseUrl: storage.databaseUrl,
          writerCounts: [1, 8, 32],
          commands: options.appendCommands,
          rounds: options.peerRounds,
          log,
        });
      else log('  peer-emmett: PostgreSQL only (Emmett has no PGlite store), skipped');
    }
    return result;
  } finally {
    await storage.close();
  }
}

async function rebuildStage(
  storage: BenchStorage,
  comparePerEvent: boolean,
): Promise<RebuildResult> {
  const perEvent = comparePerEvent ? await rebuildFromEmpty(storage, 'per-event') : undefined;
  const figures = await rebuildFromEmpty(storage, 'batched');
  const tables = allReadModelProjections().flatMap((projection) => projection.tables);
  const baseline = await bareInsertBaseline(storage.db, tables);
  const baselineEventsPerSecond = round(figures.events / baseline.seconds, 0);
  const copyBaseline = await bareCopyBaseline(storage.db, tables);
  const copyBaselineEventsPerSecond = round(figures.events / copyBaseline.seconds, 0);
  return {
    ...figures,
    baselineRows: baseline.rows,
    baselineSeconds: baseline.seconds,
    baselineEventsPerSecond,
    ratio: round(figures.eventsPerSecond / baselineEventsPerSecond, 3),
    copyBaselineSeconds: copyBaseline.seconds,
    copyBaselineEventsPerSecond,
    copyRatio: round(figures.eventsPerSecond / copyBaselineEventsPerSecond, 3),
    ...(perEvent ? { perEvent } : {}),
  };
}

/** Empties the read models, then rebuilds them: in a process of its own on PostgreSQL. */
async function rebuildFromEmpty(
  storage: BenchStorage,
  mode: 'batched' | 'per-event',
): Promise<RebuildFigures & { peakRssMb: number | null }> {
  await emptyReadModels(storage.db);
  if (storage.databaseUrl) {
    return runTsForJson('bench/stages/rebuild.worker.ts', {
      DATABASE_URL: storage.databaseUrl,
      BENCH_REBUILD_MODE: mode,
    });
  }
  const figures = await rebuildProjections(storage.db, storage.store, storage.readModels, mode);
  // PGlite lives in this process: its peak would be the bench's own, workload included.
  return { ...figures, peakRssMb: null };
}

type HttpTargets = Pick<HttpStageOptions, 'customerIds' | 'subscriptionIds'>;

/**
 * On a reused database (no workload in memory): the subscriptions the caught-up read model
 * shows active, so each suspend-then-resume cycle is legal (an earlier run's HTTP stage may
 * have left some suspended).
 */
async function activeSubscriptionIds(storage: BenchStorage): Promise<string[]> {
  const { rows } = await storage.db.query<{ id: string }>(
    "SELECT id FROM customer_subscriptions WHERE status = 'active' ORDER BY id",
  );
  return rows.map((row) => row.id);
}

async function httpStage(
  databaseUrl: string,
  targets: HttpTargets,
  seconds: number,
): Promise<NonNullable<RunResult['http']>> {
  const api = await startApiProcess(databaseUrl, 3900 + Math.floor(Math.random() * 90));
  let figures: HttpStageFigures;
  let apiPeakRssMb: number | null;
  try {
    const url = api.url.replace(/\/api$/, '');
    figures = await httpStages(url, { seconds, apiPid: api.pid, ...targets });
    apiPeakRssMb = api.peakRssMb();
  } finally {
    await api.stop();
  }
  // After the API stopped, so the two never share the machine.
  const bare = await bareApiBaseline(databaseUrl, targets.customerIds, seconds);
  return {
    ...figures,
    apiPeakRssMb,
    bareCustomerFile: bare.customerFile,
    bareRegisterCustomer: bare.registerCustomer,
  };
}

export const processPeakRssMb = (): number => megabytes(process.resourceUsage().maxRSS * 1024);

/** The seeded workload generated and appended to a fresh database. */
async function generateAndLoad(storage: BenchStorage, options: RunOptions) {
  const workload = generateWorkload({ ...DEFAULT_WORKLOAD, customers: options.customers });
  options.log(`${options.db}, ${options.customers} customers: loading the workload`);
  const loaded = await loadWorkload(storage, workload);
  const customerIds = workload.customers.map((customer) => customer.customerId);
  return { loaded, customerIds, customers: workload.customers };
}
