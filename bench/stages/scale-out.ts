import { SqlDatabase } from '@app/database';
import { allReadModelProjections } from '@app/read-models';
import { availableParallelism } from 'node:os';
import {
  ApiProcess,
  RunnerProcess,
  startApiProcess,
  startProjectionProcess,
} from '../support/api-process';
import { cpuMsOfProcess, round } from '../support/measure';
import { registerCustomerRequest } from './bare-api';
import { HttpFigures, loadHttp } from './http-load';

/** One deployment's figures: its API processes' loads summed. */
export interface ScaleOutSide {
  apis: number;
  /** `POST /customers`, 8 connections spread over the APIs. */
  registerCustomer: SummedHttpFigures;
  /** `GET /customers/:id`, 50 connections spread over the APIs. */
  customerFile: SummedHttpFigures;
  /** After the write load: how long the projection process took to apply all of it. */
  projectionCatchUpMs: number;
}

export interface SummedHttpFigures {
  requestsPerSecond: number;
  /** The worst API's p99 (autocannon's histograms are per run). */
  p99Ms: number;
  non2xx: number;
  errors: number;
  /** CPU the API processes spent per answered request, in ms (user + system). */
  apiCpuMsPerRequest: number | null;
  /** CPU the projection process spent meanwhile, per answered request, in ms. */
  runnerCpuMsPerRequest: number | null;
}

export interface ScaleOutFigures {
  /** The cores the whole run shares: PostgreSQL, the load generator and every process. */
  cores: number;
  /** Rounds per side (ones and twos alternate: 1, 2, 2, 1, …); figures are their means. */
  rounds: number;
  one: ScaleOutSide;
  two: ScaleOutSide;
  /** Two APIs' throughput over one's. */
  writeRatio: number;
  readRatio: number;
}

const WRITE_CONNECTIONS = 8;
const READ_CONNECTIONS = 50;

/**
 * The documented deployment for scale (docs/projections.md) under the HTTP stages' loads: one
 * projection process with one, then two, API processes (`PROJECTIONS_IN_PROCESS=false`) on the
 * same PostgreSQL, the connections spread evenly over the APIs.
 */
export async function scaleOutStage(
  db: SqlDatabase,
  databaseUrl: string,
  customerIds: readonly string[],
  { seconds, rounds, log }: { seconds: number; rounds: number; log(message: string): void },
): Promise<ScaleOutFigures> {
  const sides: Record<1 | 2, ScaleOutSide[]> = { 1: [], 2: [] };
  for (let round = 0; round < rounds; round++) {
    for (const apis of round % 2 === 0 ? ([1, 2] as const) : ([2, 1] as const)) {
      const side = await measureSide(db, databaseUrl, customerIds, apis, seconds);
      log(
        `  scale-out, ${apis} API(s): POST /customers ${side.registerCustomer.requestsPerSecond} req/s, GET /customers/:id ${side.customerFile.requestsPerSecond} req/s, runner caught up in ${side.projectionCatchUpMs} ms`,
      );
      sides[apis].push(side);
    }
  }
  const one = meanSide(sides[1]);
  const two = meanSide(sides[2]);
  return {
    cores: availableParallelism(),
    rounds,
    one,
    two,
    writeRatio: round(
      two.registerCustomer.requestsPerSecond / one.registerCustomer.requestsPerSecond,
    ),
    readRatio: round(two.customerFile.requestsPerSecond / one.customerFile.requestsPerSecond),
  };
}

async function measureSide(
  db: SqlDatabase,
  databaseUrl: string,
  customerIds: readonly string[],
  apiCount: 1 | 2,
  seconds: number,
): Promise<ScaleOutSide> {
  const runner: RunnerProcess = startProjectionProcess(databaseUrl);
  const apis: ApiProcess[] = [];
  try {
    const firstPort = 3900 + Math.floor(Math.random() * 80);
    for (let n = 0; n < apiCount; n++)
      apis.push(
        await startApiProcess(databaseUrl, firstPort + n, { PROJECTIONS_IN_PROCESS: 'false' }),
      );
    const pids = { apis: apis.map((api) => api.pid), runner: runner.pid };
    const urls = apis.map((api) => api.url.replace(/\/api$/, ''));

    const registerCustomer = await spread(pids, urls, WRITE_CONNECTIONS, seconds, () =>
      registerCustomerRequest(`Escala ${apiCount}`),
    );
    const caughtUpFrom = Date.now();
    const head = await logHead(db);
    while ((await lowestCheckpoint(db)) < head)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const projectionCatchUpMs = Date.now() - caughtUpFrom;

    let next = 0;
    const customerFile = await spread(pids, urls, READ_CONNECTIONS, seconds, () => ({
      method: 'GET',
      setupRequest: (request) => ({
        ...request,
        path: `/api/customers/${customerIds[next++ % customerIds.length]}`,
      }),
    }));
    return { apis: apiCount, registerCustomer, customerFile, projectionCatchUpMs };
  } finally {
    for (const api of apis) await api.stop();
    await runner.stop();
  }
}

type Request = Parameters<typeof loadHttp>[3][number];

/** `connections` split evenly over the APIs, loaded at once; throughput summed, CPU per kind of process. */
async function spread(
  pids: { apis: readonly number[]; runner: number },
  urls: readonly string[],
  connections: number,
  seconds: number,
  request: () => Request,
): Promise<SummedHttpFigures> {
  const cpuOf = (of: readonly number[]) =>
    of.reduce((sum, pid) => sum + (cpuMsOfProcess(pid) ?? NaN), 0);
  const before = { apis: cpuOf(pids.apis), runner: cpuOf([pids.runner]) };
  const loads: HttpFigures[] = await Promise.all(
    urls.map((url) => loadHttp(url, connections / urls.length, seconds, [request()])),
  );
  const requests = loads.reduce((sum, load) => sum + load.requests, 0);
  const perRequest = (cpu: number) =>
    Number.isFinite(cpu) && requests > 0 ? round(cpu / requests, 3) : null;
  return {
    requestsPerSecond: round(loads.reduce((sum, load) => sum + load.requestsPerSecond, 0)),
    p99Ms: Math.max(...loads.map((load) => load.p99Ms)),
    non2xx: loads.reduce((sum, load) => sum + load.non2xx, 0),
    errors: loads.reduce((sum, load) => sum + load.errors, 0),
    apiCpuMsPerRequest: perRequest(cpuOf(pids.apis) - before.apis),
    runnerCpuMsPerRequest: perRequest(cpuOf([pids.runner]) - before.runner),
  };
}

function meanSide(sides: readonly ScaleOutSide[]): ScaleOutSide {
  const mean = (pick: (side: ScaleOutSide) => number) =>
    round(sides.reduce((sum, side) => sum + pick(side), 0) / sides.length);
  const meanHttp = (pick: (side: ScaleOutSide) => SummedHttpFigures): SummedHttpFigures => ({
    requestsPerSecond: mean((side) => pick(side).requestsPerSecond),
    p99Ms: Math.max(...sides.map((side) => pick(side).p99Ms)),
    non2xx: sides.reduce((sum, side) => sum + pick(side).non2xx, 0),
    errors: sides.reduce((sum, side) => sum + pick(side).errors, 0),
    apiCpuMsPerRequest: meanOrNull(sides.map((side) => pick(side).apiCpuMsPerRequest)),
    runnerCpuMsPerRequest: meanOrNull(sides.map((side) => pick(side).runnerCpuMsPerRequest)),
  });
  return {
    apis: sides[0].apis,
    registerCustomer: meanHttp((side) => side.registerCustomer),
    customerFile: meanHttp((side) => side.customerFile),
    projectionCatchUpMs: mean((side) => side.projectionCatchUpMs),
  };
}

function meanOrNull(values: readonly (number | null)[]): number | null {
  if (values.some((value) => value === null)) return null;
  return round((values as number[]).reduce((sum, value) => sum + value, 0) / values.length, 3);
}

async function logHead(db: SqlDatabase): Promise<bigint> {
  const { rows } = await db.query<{ head: string | null }>(
    'SELECT max(position) AS head FROM es_events',
  );
  return BigInt(rows[0].head ?? 0);
}

/**
 * The lowest read-model checkpoint: every read model holds the log up to it. (Reactors keep
 * checkpoints in the same table, moved only by the events they react to: not counted.)
 */
async function lowestCheckpoint(db: SqlDatabase): Promise<bigint> {
  const names = allReadModelProjections().map((projection) => projection.name);
  const { rows } = await db.query<{ low: string | null; n: string }>(
    'SELECT min(position) AS low, count(*) AS n FROM projection_checkpoints WHERE name = ANY($1)',
    [names],
  );
  return Number(rows[0].n) < names.length ? 0n : BigInt(rows[0].low ?? 0);
}
