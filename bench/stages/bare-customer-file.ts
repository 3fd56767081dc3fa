import { join } from 'node:path';
import { ROOT, spawnTs } from '../support/child-process';
import { cpuMsOfProcess, round } from '../support/measure';
import { HttpFigures, loadHttp } from './http-load';

export type HttpQueryFigures = HttpFigures & {
  /** CPU the serving process spent per answered request, in ms (user + system). */
  cpuMsPerRequest: number | null;
};

/** `GET /api/customers/:id` under `connections` clients, with the server's CPU per request. */
export async function loadCustomerFile(
  url: string,
  pid: number,
  customerIds: readonly string[],
  seconds: number,
  connections = 50,
): Promise<HttpQueryFigures> {
  let next = 0;
  const cpuBefore = cpuMsOfProcess(pid);
  const figures = await loadHttp(url, connections, seconds, [
    {
      method: 'GET',
      setupRequest: (request) => ({
        ...request,
        path: `/api/customers/${customerIds[next++ % customerIds.length]}`,
      }),
    },
  ]);
  const cpuAfter = cpuMsOfProcess(pid);
  const cpuMsPerRequest =
    cpuBefore === null || cpuAfter === null || figures.requests === 0
      ? null
      : round((cpuAfter - cpuBefore) / figures.requests, 3);
  return { ...figures, cpuMsPerRequest };
}

/**
 * The baseline of the customer-file query: the same requests, as many clients, against a bare
 * `node:http` + `pg` server in its own process answering the customer's `customer_file` row.
 */
export async function bareCustomerFileBaseline(
  databaseUrl: string,
  customerIds: readonly string[],
  seconds: number,
): Promise<HttpQueryFigures> {
  const port = 3990 + Math.floor(Math.random() * 9);
  const server = spawnTs(join(ROOT, 'bench/baselines/bare-customer-file-server.ts'), {
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
    return await loadCustomerFile(`http://127.0.0.1:${port}`, server.pid!, customerIds, seconds);
  } finally {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.on('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
  }
}
