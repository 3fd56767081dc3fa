import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const POSTGRES_LIBS = '/usr/lib/postgresql';

/** The newest installed PostgreSQL's bin directory (Debian layout), if any. */
export function postgresBinaries(): string | undefined {
  if (!existsSync(POSTGRES_LIBS)) return undefined;
  const versions = readdirSync(POSTGRES_LIBS)
    .filter((version) => existsSync(join(POSTGRES_LIBS, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(POSTGRES_LIBS, versions[0], 'bin') : undefined;
}

/** A TCP port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/**
 * A PostgreSQL server of the test's own (initdb into a temporary directory, on a free port,
 * trust authentication, its socket in that directory), so restarting it disturbs no one else's
 * cluster. PostgreSQL refuses to run as root: as root, the directory is given to `postgres`
 * and every server command runs as that user (`runuser`).
 */
export class PrivatePostgres {
  private constructor(
    private readonly bin: string,
    private readonly directory: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get dataDir(): string {
    return join(this.directory, 'data');
  }

  static async start(bin: string): Promise<PrivatePostgres> {
    const directory = mkdtempSync(join(tmpdir(), 'private-postgres-'));
    if (process.getuid?.() === 0) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: group } = await run('id', ['-g', 'postgres']);
      chownSync(directory, Number(stdout.trim()), Number(group.trim()));
    }
    const server = new PrivatePostgres(bin, directory, await freePort());
    await server.asServerUser('initdb', [
      '-D',
      server.dataDir,
      '-A',
      'trust',
      '-U',
      'postgres',
      '--no-sync',
    ]);
    await server.start();
    return server;
  }

  /** `pg_ctl restart -m fast`: what routine maintenance does (every session gets 57P01). */
  async restart(): Promise<void> {
    await this.pgCtl('restart', ['-m', 'fast']);
  }

  /** A fast shutdown, the server staying down until `start()`. */
  async stop(): Promise<void> {
    await this.pgCtl('stop', ['-m', 'fast']);
  }

  async start(): Promise<void> {
    await this.pgCtl('start');
  }

  /** Stops the server for good and removes its files. */
  async destroy(): Promise<void> {
    await this.pgCtl('stop', ['-m', 'immediate']).catch(() => undefined);
    rmSync(this.directory, { recursive: true, force: true });
  }

  private pgCtl(action: string, extra: string[] = []): Promise<unknown> {
    return this.asServerUser('pg_ctl', [
      action,
      '-D',
      this.dataDir,
      '-w',
      '-t',
      '60',
      '-l',
      join(this.directory, 'server.log'),
      '-o',
      `-p ${this.port} -k ${this.directory} -c listen_addresses=127.0.0.1`,
      ...extra,
    ]);
  }

  private asServerUser(program: string, args: string[]): Promise<unknown> {
    const path = join(this.bin, program);
    return process.getuid?.() === 0
      ? run('runuser', ['-u', 'postgres', '--', path, ...args])
      : run(path, args);
  }
}

/**
 * The local cluster serving `databaseUrl`'s port, driven with Debian's `pg_ctlcluster` (the
 * issue's repro), for a machine where disturbing it is fine.
 */
export class LocalCluster {
  private constructor(private readonly versionAndName: [string, string]) {}

  static async serving(databaseUrl: string): Promise<LocalCluster> {
    const port = new URL(databaseUrl).port || '5432';
    const { stdout } = await run('pg_lsclusters', ['--no-header']);
    const cluster = stdout
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .find((fields) => fields[2] === port);
    if (!cluster) throw new Error(`no local cluster listens on port ${port} (pg_lsclusters)`);
    return new LocalCluster([cluster[0], cluster[1]]);
  }

  restart = () => this.ctl('restart', '-m', 'fast');
  stop = () => this.ctl('stop', '-m', 'fast');
  start = () => this.ctl('start');

  private async ctl(...args: string[]): Promise<void> {
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', ...this.versionAndName, ...args]);
  }
}
