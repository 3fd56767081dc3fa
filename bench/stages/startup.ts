import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceEntry } from '../support/api-process';
import { ROOT } from '../support/child-process';
import { percentile, round } from '../support/measure';

/** The targets: a CLI call answers, the API is healthy, on the embedded default. */
export const STARTUP_TARGETS = { cliMs: 1500, apiHealthyMs: 3000 } as const;

const CLI_ENTRY = 'dist/apps/cli/src/main.js';

export interface StartupTiming {
  /** As a person types it (npm, then its `pre…` build check, then node on dist/). */
  viaNpmMs: number;
  /** `node dist/…` alone. */
  directMs: number;
  /** Each of those over `node -e 0` measured in the same rounds. */
  viaNpmRatio: number;
  directRatio: number;
}

export interface StartupFigures {
  /** Rounds; each ran every command once, in turn, and each figure is a median over them. */
  runs: number;
  /** `node -e 0`: starting Node alone on this machine, now — the yardstick. */
  nodeMs: number;
  /** `node scripts/build.js` with nothing to build: the check npm's `pre…` scripts run. */
  buildCheckMs: number;
  /** `npm run -s cli -- as-of customer-<id>` on a data directory holding that customer. */
  cli: StartupTiming;
  /** `npm start` until `GET /api/health` answers 200. */
  apiHealthy: StartupTiming;
  targets: typeof STARTUP_TARGETS;
  samplesMs: Record<string, number[]>;
}

/**
 * Start-up on the embedded default (PGlite in a data directory of its own, no DATABASE_URL):
 * a CLI call and the API to healthy, through npm and as bare `node dist/…`, beside `node -e 0`
 * in the same rounds (the machine is shared: compare the ratios). The data directory is made,
 * and one customer registered, by an API start that is not measured.
 */
export async function startupStage(
  runs: number,
  log: (line: string) => void,
): Promise<StartupFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
  const port = 3990 + Math.floor(Math.random() * 9);
  const env = embeddedDefaultEnv(join(dataDir, 'data'), port);
  try {
    const customerId = await registerOneCustomer(env, port);
    const cliArgs = ['as-of', `customer-${customerId}`];
    const commands: Record<string, () => Promise<number>> = {
      node: () => timeToExit(['node', '-e', '0'], env),
      buildCheck: () => timeToExit(['node', 'scripts/build.js'], env),
      cliViaNpm: () => timeToExit(['npm', 'run', '-s', 'cli', '--', ...cliArgs], env),
      cliDirect: () => timeToExit(['node', CLI_ENTRY, ...cliArgs], env),
      apiViaNpm: () => timeToHealthy(['npm', 'start'], env, port),
      apiDirect: () => timeToHealthy(['node', serviceEntry()], env, port),
    };
    const samplesMs: Record<string, number[]> = {};
    for (let round = 1; round <= runs; round++) {
      for (const [name, command] of Object.entries(commands)) {
        (samplesMs[name] ??= []).push(Math.round(await command()));
      }
      log(`  startup round ${round}/${runs}: ${JSON.stringify(lastOfEach(samplesMs))}`);
    }
    const median = (name: string) => percentile(samplesMs[name], 50);
    const timing = (viaNpm: string, direct: string): StartupTiming => ({
      viaNpmMs: median(viaNpm),
      directMs: median(direct),
      viaNpmRatio: round(median(viaNpm) / median('node'), 1),
      directRatio: round(median(direct) / median('node'), 1),
    });
    return {
      runs,
      nodeMs: median('node'),
      buildCheckMs: median('buildCheck'),
      cli: timing('cliViaNpm', 'cliDirect'),
      apiHealthy: timing('apiViaNpm', 'apiDirect'),
      targets: STARTUP_TARGETS,
      samplesMs,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The service's defaults: no database server, no keys, logs as `npm start` writes them. */
function embeddedDefaultEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port) };
  for (const name of [
    'DATABASE_URL',
    'DATABASE_SCHEMA',
    'EVENTSTORE_CONNECTION_STRING',
    'API_KEYS',
    'NODE_ENV',
    'LOG_LEVEL',
  ]) {
    delete env[name];
  }
  return env;
}

async function registerOneCustomer(env: NodeJS.ProcessEnv, port: number): Promise<string> {
  const api = await startUntilHealthy(['node', serviceEntry()], env, port);
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/customers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        personType: 'legal',
        name: 'Arranque Rápido SL',
        email: 'startup@bench.example',
      }),
    });
    if (response.status !== 201) {
      throw new Error(`POST /customers: ${response.status} ${await response.text()}`);
    }
    return ((await response.json()) as { id: string }).id;
  } finally {
    await stopGroup(api.child);
  }
}

async function timeToExit([command, ...args]: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`);
  return ms;
}

async function timeToHealthy(
  command: string[],
  env: NodeJS.ProcessEnv,
  port: number,
): Promise<number> {
  const { child, ms } = await startUntilHealthy(command, env, port);
  await stopGroup(child);
  return ms;
}

/** Spawns in a process group of its own (npm, its shell, node) and polls /api/health. */
async function startUntilHealthy(
  [command, ...args]: string[],
  env: NodeJS.ProcessEnv,
  port: number,
): Promise<{ child: ChildProcess; ms: number }> {
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = started + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} exited: ${stderr.slice(-2000)}`);
    if (performance.now() > deadline) {
      await stopGroup(child);
      throw new Error(`${command} ${args.join(' ')}: not healthy in 120 s`);
    }
    const status = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return { child, ms: performance.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * SIGTERM to the whole group, then waits until none of it is left: the API has shut down and
 * released the data directory before the next command opens it.
 */
async function stopGroup(child: ChildProcess): Promise<void> {
  const group = -child.pid!;
  const alive = () => {
    try {
      process.kill(group, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (alive()) process.kill(group, 'SIGTERM');
  const deadline = performance.now() + 30_000;
  while (alive()) {
    if (performance.now() > deadline) process.kill(group, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function lastOfEach(samples: Record<string, number[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(samples).map(([name, xs]) => [name, xs.at(-1)!]));
}
