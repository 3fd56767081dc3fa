import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * The entry points a test can run as a real process: the compiled JavaScript that `npm start`
 * runs, which jest's globalSetup (test/support/build-dist.js) brings up to date with the sources.
 */
export const ENTRIES = {
  /** The HTTP API (`npm start`). */
  api: 'dist/apps/api/src/main.js',
  /** The standalone projection runner (`npm run projections`). */
  projections: 'dist/apps/api/src/projections.main.js',
  /** The operator's command line (`npm run cli -- …`). */
  cli: 'dist/apps/cli/src/main.js',
} as const;

/**
 * One of the service's entry points as a real child process, so a test can SIGKILL it (no
 * shutdown hook, no `finally`: the open transaction simply vanishes) or read everything it
 * writes to stdout/stderr. Its PostgreSQL connections carry `applicationName`, so a test can
 * see when it has connected.
 */
export class AppProcess {
  private written = '';
  private readonly exited: Promise<unknown>;

  private constructor(
    private readonly child: ChildProcess,
    readonly applicationName: string,
  ) {
    const keep = (chunk: Buffer) => {
      this.written += chunk.toString();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = once(child, 'exit');
  }

  static start(
    entry: (typeof ENTRIES)[keyof typeof ENTRIES],
    env: Record<string, string>,
    applicationName: string,
    args: readonly string[] = [],
  ): AppProcess {
    const child = spawn(process.execPath, [entry, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env, PGAPPNAME: applicationName },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new AppProcess(child, applicationName);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Resolves with its exit code once it has exited on its own (null: killed by a signal). */
  async exitCode(): Promise<number | null> {
    await this.exited;
    return this.child.exitCode;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Everything it wrote so far (its log lines). */
  get output(): string {
    return this.written;
  }

  /** The last lines it wrote: what a failing test shows. */
  get lastOutput(): string {
    return this.written.slice(-4000);
  }

  async kill(): Promise<void> {
    if (this.running) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** A graceful stop (SIGTERM: shutdown hooks run, the runner finishes its batch). */
  async stop(): Promise<void> {
    if (this.running) this.child.kill('SIGTERM');
    await this.exited;
  }
}
