import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * The standalone projection runner (`npm run projections`, apps/api/src/projections.main.ts)
 * as a real child process, so a test can SIGKILL it: no shutdown hook, no `finally`, the
 * open transaction simply vanishes. Its PostgreSQL connections carry `applicationName`, so
 * the test can see when it has connected.
 */
export class ProjectionRunnerProcess {
  private output = '';
  private readonly exited: Promise<unknown>;

  private constructor(
    private readonly child: ChildProcess,
    readonly applicationName: string,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = once(child, 'exit');
  }

  static start(env: Record<string, string>, applicationName: string): ProjectionRunnerProcess {
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'apps/api/src/projections.main.ts',
      ],
      {
        cwd: ROOT,
        env: { ...process.env, ...env, PGAPPNAME: applicationName },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    return new ProjectionRunnerProcess(child, applicationName);
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines it wrote: what a failing test shows. */
  get lastOutput(): string {
    return this.output;
  }

  async kill(): Promise<void> {
    if (this.running) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** A graceful stop (SIGTERM: the runner finishes its batch and closes). */
  async stop(): Promise<void> {
    if (this.running) this.child.kill('SIGTERM');
    await this.exited;
  }
}
