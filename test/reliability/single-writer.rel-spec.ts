import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_API_KEYS } from '../support/test-app';
import { AppProcess, ENTRIES } from './support/app-process';
import { recordFigure } from './support/reliability-figures';
import { listenPortForChildProcess } from '../support/listen-port';

const WRITES = Number(process.env.SINGLE_WRITER_WRITES ?? 150);
const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };

/**
 * Issue 16, item 5: two APIs on one embedded DATA_DIR both started, handed out the same log
 * positions and lost acknowledged writes; the CLI's `verify` beside a running API said OK on
 * stale data. The embedded store is the subject, so this suite runs on PGlite whatever
 * DATABASE_URL says.
 */
describe('one process per embedded data directory (PGlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'single-writer-'));
  let port = 0;
  const processes: AppProcess[] = [];
  let started = 0;
  const env = (extra: Record<string, string> = {}) => ({
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    DATABASE_SCHEMA: '',
    EVENTSTORE_CONNECTION_STRING: '',
    API_KEYS: Object.entries(TEST_API_KEYS)
      .map(([role, key]) => `${role}:${key}`)
      .join(','),
    LOG_LEVEL: 'warn',
    ...extra,
  });
  const start = (entry: (typeof ENTRIES)[keyof typeof ENTRIES], port?: number, args?: string[]) => {
    const child = AppProcess.start(
      entry,
      env(port ? { PORT: String(port) } : {}),
      `single_writer_${++started}`,
      args,
    );
    processes.push(child);
    return child;
  };
  const url = (path: string, at = port) => `http://127.0.0.1:${at}/api${path}`;

  beforeAll(async () => {
    port = await listenPortForChildProcess();
  });
  afterAll(async () => {
    for (const child of processes) await child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function until(what: string, condition: () => Promise<boolean>, child: AppProcess) {
    const deadline = Date.now() + 120_000;
    while (!(await condition())) {
      if (!child.running) throw new Error(`${what}: it exited\n${child.lastOutput}`);
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}\n${child.lastOutput}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  /** Its exit code, or 'still running' after a minute (what the old code did: it started). */
  const exitWithinAMinute = (child: AppProcess) =>
    Promise.race([
      child.exitCode(),
      new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 60_000).unref()),
    ]);
  async function startApi(): Promise<AppProcess> {
    const api = start(ENTRIES.api, port);
    await until(
      'the API to answer',
      async () => (await fetch(url('/health')).catch(() => null))?.status === 200,
      api,
    );
    return api;
  }
  /** Registers `count` customers, four at a time; the acknowledged answers. */
  async function register(count: number, label: string) {
    const acknowledged: { id: string; position: number }[] = [];
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const n = next++;
        const res = await fetch(url('/customers'), {
          method: 'POST',
          headers: { ...operator, 'Content-Type': 'application/json' },
          body: JSON.stringify({ personType: 'legal', name: `${label} ${n} SL`, zone: 'one' }),
        }).catch(() => null);
        if (res?.status === 201) acknowledged.push((await res.json()) as (typeof acknowledged)[0]);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    return acknowledged;
  }
  /** How many of `written` the API answers, once its read models hold the last of them. */
  async function stillThere(written: { id: string; position: number }[]): Promise<number> {
    const head = Math.max(...written.map((write) => write.position));
    let found = 0;
    for (const { id } of written) {
      const res = await fetch(url(`/customers/${id}`), {
        headers: { ...operator, 'X-Min-Position': String(head) },
      });
      if (res.status === 200) found++;
    }
    return found;
  }

  it('refuses a second API and the CLI while one runs, and loses no acknowledged write', async () => {
    const first = await startApi();
    // The second API starts while the first takes writes: it must not start at all.
    const second = start(ENTRIES.api, await listenPortForChildProcess());
    const [written, secondExit] = await Promise.all([
      register(WRITES, 'Primero'),
      exitWithinAMinute(second),
    ]);
    expect(secondExit).not.toBe(0);
    expect(second.output).toContain(`in use by process ${first.pid} on `);
    expect(second.output).toMatch(/use the running API's HTTP endpoints/);
    expect(first.running).toBe(true);

    const verify = start(ENTRIES.cli, undefined, ['verify']);
    const verifyExit = await exitWithinAMinute(verify);
    expect(verifyExit).not.toBe(0);
    expect(verify.output).toContain(`in use by process ${first.pid} on `);
    expect(verify.output).not.toMatch(/^OK/m);

    expect(written).toHaveLength(WRITES);
    expect(new Set(written.map((write) => write.position)).size).toBe(WRITES);

    // A clean stop frees the directory: a restart has every acknowledged write.
    await first.stop();
    await startApi();
    expect(await stillThere(written)).toBe(WRITES);
    const more = await register(WRITES / 3, 'Segundo');

    // A SIGKILL leaves the lock behind: the next process sees its holder is gone, takes over.
    await processes.at(-1)!.kill();
    const afterKill = await startApi();
    expect(afterKill.output).toMatch(/Took over the stale lock .* is gone/);
    expect(await stillThere([...written, ...more])).toBe(written.length + more.length);
    await afterKill.stop();

    // With the API stopped, the CLI runs and finds the read models equal to the log.
    const verifyAlone = start(ENTRIES.cli, undefined, ['verify']);
    expect(await verifyAlone.exitCode()).toBe(0);
    expect(verifyAlone.output).toMatch(/^OK/m);

    const kept = written.length + more.length;
    recordFigure('single-writer', {
      guarantee:
        'One process per embedded DATA_DIR: a second API or the CLI refuses to start, naming the holder; nothing lost',
      test: 'test/reliability/single-writer.rel-spec.ts',
      figure: `a 2nd API (exit ${secondExit}) and CLI verify (exit ${verifyExit}) refused, naming the holder's pid; ${kept}/${kept} acknowledged writes kept across a stop and a SIGKILL (stale lock taken over)`,
      storage: 'PGlite',
    });
  }, 600_000);
});
