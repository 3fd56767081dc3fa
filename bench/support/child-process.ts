import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');

/** Runs a TypeScript entry point of this repository (the bench's own) in its own Node process. */
export function spawnTs(
  entry: string,
  env: Record<string, string>,
  { stdin = 'ignore' }: { stdin?: 'ignore' | 'pipe' } = {},
): ChildProcess {
  return spawnNode(
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry],
    { TS_NODE_TRANSPILE_ONLY: 'true', ...env },
    { stdin },
  );
}

/** Runs `node <args>` from the repository's root, its output piped. */
export function spawnNode(
  args: readonly string[],
  env: Record<string, string>,
  { stdin = 'ignore' }: { stdin?: 'ignore' | 'pipe' } = {},
): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: [stdin, 'pipe', 'pipe'],
  });
}

/** Sends SIGTERM and waits until the child has exited (at once if it already has). */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Runs an entry point to its end and answers the JSON its last stdout line holds. */
export async function runTsForJson<T>(entry: string, env: Record<string, string>): Promise<T> {
  const child = spawnTs(entry, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  if (code !== 0) throw new Error(`${entry} exited with ${code}: ${stderr.slice(-2000)}`);
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}
