import { PostgresDatabase, quoteIdentifier } from '@app/database';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_API_KEYS } from '../support/test-app';
import { AppProcess, ENTRIES } from './support/app-process';
import { recordFigure, storageInUse } from './support/reliability-figures';
import { listenPortForChildProcess } from '../support/listen-port';

const databaseUrl = process.env.DATABASE_URL;
const KILLS = Number(process.env.IDEMPOTENCY_CRASH_KILLS ?? 4);
const CONCURRENCY = 6;
const SEED = 20261203;
/** How long after the load starts each SIGKILL comes: seeded, so a failure can be replayed. */
const killDelays = fc.sample(fc.integer({ min: 300, max: 1500 }), {
  seed: SEED,
  numRuns: 3 * KILLS,
});
const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };

interface Sent {
  key: string;
  body: { personType: string; name: string; zone: string };
  answer?: { id: string; version: number; position: number };
}

/**
 * Issue 16, item 6: a SIGKILL mid-request left its Idempotency-Key pending forever: every
 * retry, across restarts, answered 409 "still running", though half of those requests had
 * been applied. Here the API is killed under a load of keyed registrations; after the
 * restart, each unanswered request is sent again with its key and must get its outcome.
 */
describe(`Idempotency-Keys of requests cut by a SIGKILL (${storageInUse()})`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'idempotency-crash-'));
  const schema = `idem_crash_${Date.now().toString(36)}`;
  let port = 0;
  const url = (path: string) => `http://127.0.0.1:${port}/api${path}`;
  let api: AppProcess | undefined;
  let started = 0;

  beforeAll(async () => {
    port = await listenPortForChildProcess();
  });
  afterAll(async () => {
    await api?.kill();
    rmSync(dataDir, { recursive: true, force: true });
    if (databaseUrl) {
      const db = await PostgresDatabase.open({ connectionString: databaseUrl });
      await db.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
      await db.close();
    }
  });

  async function startApi(): Promise<AppProcess> {
    const child = AppProcess.start(
      ENTRIES.api,
      {
        PORT: String(port),
        ...(databaseUrl
          ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema }
          : { DATABASE_URL: '', DATABASE_SCHEMA: '', DATA_DIR: dataDir }),
        EVENTSTORE_CONNECTION_STRING: '',
        API_KEYS: Object.entries(TEST_API_KEYS)
          .map(([role, key]) => `${role}:${key}`)
          .join(','),
        LOG_LEVEL: 'warn',
      },
      `${schema}_api_${++started}`,
    );
    const deadline = Date.now() + 120_000;
    while ((await fetch(url('/health')).catch(() => null))?.status !== 200) {
      if (!child.running || Date.now() > deadline)
        throw new Error(`the API did not start\n${child.lastOutput}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return child;
  }

  const register = (sent: Sent) =>
    fetch(url('/customers'), {
      method: 'POST',
      headers: { ...operator, 'Content-Type': 'application/json', 'Idempotency-Key': sent.key },
      body: JSON.stringify(sent.body),
    });

  /** Keyed registrations, CONCURRENCY at a time, until the API is killed after `delayMs`. */
  async function loadThenKill(round: number, delayMs: number): Promise<Sent[]> {
    const sent: Sent[] = [];
    let killed = false;
    const worker = async () => {
      while (!killed) {
        const request: Sent = {
          key: `crash-${round}-${sent.length}`,
          body: { personType: 'legal', name: `Cortada ${round}-${sent.length} SL`, zone: 'one' },
        };
        sent.push(request);
        const res = await register(request).catch(() => null);
        if (res?.status === 201) request.answer = (await res.json()) as Sent['answer'];
        else if (res && !killed) throw new Error(`${res.status}: ${await res.text()}`);
      }
    };
    const workers = Array.from({ length: CONCURRENCY }, worker);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    killed = true;
    await api!.kill();
    await Promise.all(workers);
    return sent;
  }

  /** Every CustomerRegistered in the log, by the Idempotency-Key it was written under. */
  async function registrationsByKey(): Promise<Map<string, string[]>> {
    const byKey = new Map<string, string[]>();
    let from: number | null = 0;
    while (from !== null) {
      const res = await fetch(
        url(`/audit/events?type=CustomerRegistered&limit=1000&fromPosition=${from}`),
        { headers: auditor },
      );
      const page = (await res.json()) as {
        items: { stream: string; metadata: { idempotencyKey?: string } }[];
        nextFromPosition: number | null;
      };
      for (const event of page.items) {
        const key = event.metadata.idempotencyKey ?? '';
        byKey.set(key, [...(byKey.get(key) ?? []), event.stream]);
      }
      from = page.nextFromPosition;
    }
    return byKey;
  }

  it('answers every retry with the outcome after a restart: applied once, never "still running"', async () => {
    const all: Sent[] = [];
    let cut = 0;
    let replayed = 0;
    let ranAgain = 0;
    let recoveredKeys = 0;
    api = await startApi();
    // A kill may come when no request holds its key yet (on PGlite requests queue for the one
    // session): go on, up to 3 × KILLS rounds, until some key was left pending.
    let round = 0;
    for (; round < KILLS || (recoveredKeys === 0 && round < 3 * KILLS); round++) {
      const sent = await loadThenKill(round, killDelays[round]);
      all.push(...sent);
      api = await startApi();
      const unanswered = sent.filter((request) => !request.answer);
      cut += unanswered.length;
      for (const request of unanswered) {
        const res = await register(request);
        const body = (await res.json()) as Sent['answer'] & { message?: string };
        if (res.status !== 201) {
          throw new Error(`retry of ${request.key}: ${res.status} ${JSON.stringify(body)}`);
        }
        if (res.headers.get('idempotent-replayed') === 'true') replayed++;
        else ranAgain++;
        request.answer = body;
      }
      recoveredKeys += (api.output.match(/Idempotency-Key crash-/g) ?? []).length;
    }

    // A retry of an answered request still answers its first answer.
    const answered = all.filter((request) => request.answer).slice(0, 5);
    for (const request of answered) {
      const res = await register(request);
      expect(res.status).toBe(201);
      expect(await res.json()).toEqual(request.answer);
    }
    // Each request applied exactly once, as the answer it got says.
    const byKey = await registrationsByKey();
    for (const request of all) {
      expect(byKey.get(request.key)).toEqual([`customer-${request.answer!.id}`]);
    }
    // The SIGKILLs did cut requests that held their key (else this showed nothing).
    expect(recoveredKeys).toBeGreaterThan(0);
    await api.stop();

    recordFigure(`idempotency-crash-${storageInUse().toLowerCase()}`, {
      guarantee:
        'A request cut by a SIGKILL: its Idempotency-Key is recovered, the retry gets the outcome (applied once)',
      test: 'test/reliability/idempotency-crash.rel-spec.ts',
      figure: `${round} SIGKILLs under ${CONCURRENCY} keyed writers: ${recoveredKeys} keys left pending recovered; ${cut} cut requests retried: all 201, ${replayed} answered as applied (saved or rebuilt from the log), ${ranAgain} run again, ${all.length} keys each applied once`,
      storage: storageInUse(),
    });
  }, 600_000);
});
