import { TestApp } from '../../support/test-app';
import { AppProcess, ENTRIES } from './app-process';

/** Waits until `condition` holds, polling; past the deadline, throws naming `what`. */
export async function waitUntil(
  what: string,
  condition: () => Promise<boolean>,
  {
    timeoutMs = 90_000,
    pollMs = 5,
    context = () => '',
  }: { timeoutMs?: number; pollMs?: number; context?: () => string } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${context()}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

let started = 0;

/**
 * A real API process on the in-process test app's database and schema, with no projections of
 * its own (the test app keeps the read models), that a crash suite can SIGKILL. Resolves once
 * `/api/health` answers 200 on `port`; a process that never does is killed before the error.
 */
export async function startKillableApi(
  testApp: TestApp,
  port: number,
  env: Record<string, string> = {},
): Promise<AppProcess> {
  const schema = testApp.config.DATABASE_SCHEMA!;
  const child = AppProcess.start(
    ENTRIES.api,
    {
      PORT: String(port),
      DATABASE_URL: testApp.config.DATABASE_URL!,
      DATABASE_SCHEMA: schema,
      API_KEYS: testApp.config.API_KEYS!,
      PROJECTIONS_IN_PROCESS: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    `${schema}_api_${++started}`,
  );
  try {
    await waitUntil(
      'the API to answer',
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
        return res?.status === 200;
      },
      { pollMs: 20, context: () => child.lastOutput },
    );
  } catch (error) {
    await child.kill();
    throw error;
  }
  return child;
}
