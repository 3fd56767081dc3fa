import { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, spawnNode, stopChild } from './child-process';
import { peakRssOfProcess } from './measure';

export const BENCH_API_KEY = 'bench-admin-key-0001';

export interface ApiProcess {
  url: string;
  pid: number;
  /** The process's peak resident set so far, in MB. */
  peakRssMb(): number | null;
  stop(): Promise<void>;
}

/**
 * The service's compiled entry point, as `npm start` (or `npm run <script>`) runs it (the bench
 * imports nothing of the app); `npm run bench` builds dist/ first (`prebench`).
 */
export function serviceEntry(script = 'start'): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const entry = manifest.scripts[script]?.split(/\s+/).find((word) => word.endsWith('.js'));
  if (!entry) throw new Error(`package.json has no \`${script}\` script running a .js entry point`);
  if (!existsSync(join(ROOT, entry))) {
    throw new Error(`${entry} is missing: \`npm run build\` compiles it`);
  }
  return entry;
}

/**
 * The API in its own process on the bench database, as it would run in production
 * (projections in process unless `env` says otherwise), with the rate limit out of the way
 * and logs off.
 */
export async function startApiProcess(
  databaseUrl: string,
  port: number,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  // BENCH_API_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`): Node flags of the API alone.
  const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  const child: ChildProcess = spawnNode([...nodeArgs, serviceEntry()], {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    API_KEYS: `admin:${BENCH_API_KEY}`,
    LOG_LEVEL: 'silent',
    EVENT_POLL_INTERVAL_MS: '20',
    RATE_LIMIT_PER_MINUTE: '100000000',
    NODE_ENV: 'production',
    ...env,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}/api`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited: ${stderr.slice(-2000)}`);
    if (Date.now() > deadline) throw new Error(`the API did not start: ${stderr.slice(-2000)}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    peakRssMb: () => peakRssOfProcess(pid),
    stop: () => stopChild(child),
  };
}

export interface RunnerProcess {
  pid: number;
  stop(): Promise<void>;
}

/** The standalone projection runner (`npm run projections`) on the bench database. */
export function startProjectionProcess(databaseUrl: string): RunnerProcess {
  const child = spawnNode([serviceEntry('projections')], {
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    EVENT_POLL_INTERVAL_MS: '20',
    NODE_ENV: 'production',
  });
  child.stderr?.resume();
  child.stdout?.resume();
  return {
    pid: child.pid!,
    stop: () => stopChild(child),
  };
}
