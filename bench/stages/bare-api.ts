import { join } from 'node:path';
import { ROOT, spawnTs, stopChild } from '../support/child-process';
import { cpuMsOfProcess, round } from '../support/measure';
import { HttpFigures, loadHttp } from './http-load';

export type HttpQueryFigures = HttpFigures & {
  /** CPU the serving process spent per answered request, in ms (user + system). */
  cpuMsPerRequest: number | null;
};

type Request = Parameters<typeof loadHttp>[3][number];

/** One load with the serving process's CPU per answered request. */
export async function withCpuPerRequest(
  pid: number,
  load: () => Promise<HttpFigures>,
): Promise<HttpQueryFigures> {
  const cpuBefore = cpuMsOfProcess(pid);
  const figures = await load();
  const cpuAfter = cpuMsOfProcess(pid);
  const cpuMsPerRequest =
    cpuBefore === null || cpuAfter === null || figures.requests === 0
      ? null
      : round((cpuAfter - cpuBefore) / figures.requests, 3);
  return { ...figures, cpuMsPerRequest };
}

let registered = 0;

/**
 * `POST /api/customers`, each with a name and an e-mail of its own (rule R2): one counter for
 * every load of this process, so loads running side by side never send the same e-mail.
 */
export function registerCustomerRequest(label: string): Request {
  return {
    method: 'POST',
    path: '/api/customers',
    setupRequest: (request) => {
      registered++;
      return {
        ...request,
        body: JSON.stringify({
          personType: 'legal',
          name: `${label} ${registered}`,
          email: `${label.toLowerCase().replace(/\W+/g, '-')}-${process.pid}-${Date.now()}-${registered}@bench.example`,
        }),
      };
    },
  };
}

/** `POST /api/customers` under 8 clients, with the server's CPU per request. */
export const loadRegisterCustomer = (url: string, pid: number, seconds: number, label: string) =>
  withCpuPerRequest(pid, () => loadHttp(url, 8, seconds, [registerCustomerRequest(label)]));

/** `GET /api/customers/:id` under `connections` clients, with the server's CPU per request. */
export function loadCustomerFile(
  url: string,
  pid: number,
  customerIds: readonly string[],
  seconds: number,
  connections = 50,
): Promise<HttpQueryFigures> {
  let next = 0;
  return withCpuPerRequest(pid, () =>
    loadHttp(url, connections, seconds, [
      {
        method: 'GET',
        setupRequest: (request) => ({
          ...request,
          path: `/api/customers/${customerIds[next++ % customerIds.length]}`,
        }),
      },
    ]),
  );
}

export interface BareApiFigures {
  /** The same registrations' writes, bare: two streams, two events, one key, one statement. */
  registerCustomer: HttpQueryFigures;
  /** The customer's `customer_file` row. */
  customerFile: HttpQueryFigures;
}

/**
 * The HTTP stage's baselines: the same requests, as many clients, against a bare `node:http` +
 * `pg` server in its own process (`bench/baselines/bare-api-server.ts`).
 */
export async function bareApiBaseline(
  databaseUrl: string,
  customerIds: readonly string[],
  seconds: number,
): Promise<BareApiFigures> {
  const server = await startBareApiServer(databaseUrl);
  try {
    const registerCustomer = await loadRegisterCustomer(server.url, server.pid, seconds, 'Bare');
    const customerFile = await loadCustomerFile(server.url, server.pid, customerIds, seconds);
    return { registerCustomer, customerFile };
  } finally {
    await server.stop();
  }
}

export interface BareApiServer {
  /** `http://127.0.0.1:<port>`; its routes are under `/api`. */
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** The bare `node:http` + `pg` server (`bench/baselines/bare-api-server.ts`), listening. */
export async function startBareApiServer(databaseUrl: string): Promise<BareApiServer> {
  const port = 3990 + Math.floor(Math.random() * 9);
  const server = spawnTs(join(ROOT, 'bench/baselines/bare-api-server.ts'), {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
  });
  try {
    await new Promise<void>((ready, failed) => {
      let stderr = '';
      server.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      server.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('listening')) ready();
      });
      server.on('exit', (code) => failed(new Error(`the bare server exited (${code}): ${stderr}`)));
    });
  } catch (error) {
    await stopChild(server);
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, pid: server.pid!, stop: () => stopChild(server) };
}
