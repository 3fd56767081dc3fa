import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { NestExpressApplication } from '@nestjs/platform-express';
import { PostgresDatabase, quoteIdentifier, SqlDatabase } from '@app/database';
import { AppModule } from '../../apps/api/src/app.module';
import { AppConfig, validateAppConfig } from '@app/application';
import { configureApp } from '../../apps/api/src/configure-app';
import { APP_CONFIG, SQL_DATABASE } from '@app/application';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** Which storage the app runs on, for test titles. */
  storage: string;
  close(): Promise<void>;
}

export const TEST_API_KEYS = {
  admin: 'admin-test-key-0001',
  operator: 'operator-test-key-0001',
  auditor: 'auditor-test-key-0001',
};

/** An operator key allowed to act for others (`X-Actor`): `operator+delegate` in API_KEYS. */
export const TEST_DELEGATE_KEY = 'delegate-test-key-0001';

/**
 * The real application on the storage the environment names: PostgreSQL in a fresh schema
 * when DATABASE_URL is set, else embedded PGlite (in memory unless a DATA_DIR is given).
 */
export async function startTestApp(
  overrides: Record<string, string> = {},
  /** Providers a spec replaces (a fake of an outside service), after the configuration. */
  customize: (builder: TestingModuleBuilder) => TestingModuleBuilder = (builder) => builder,
): Promise<TestApp> {
  const databaseUrl = overrides.DATABASE_URL ?? process.env.DATABASE_URL;
  const schema = databaseUrl
    ? (overrides.DATABASE_SCHEMA ??
      `e2e_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`)
    : undefined;
  const config = validateAppConfig({
    DATA_DIR: 'memory://',
    LOG_LEVEL: 'silent',
    EVENT_POLL_INTERVAL_MS: '20',
    // No background sends rounds: a spec runs one with `SendsScheduler.runRound()`.
    SENDS_INTERVAL_MS: '0',
    API_KEYS: [
      ...Object.entries(TEST_API_KEYS).map(([role, key]) => `${role}:${key}`),
      `operator+delegate:${TEST_DELEGATE_KEY}`,
    ].join(','),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema } : {}),
    ...overrides,
  });
  const moduleRef = await customize(
    Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(APP_CONFIG)
      .useValue(config),
  ).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false });
  configureApp(app);
  await app.init();
  return {
    app,
    config,
    storage: databaseUrl ? `PostgreSQL (schema ${schema})` : `PGlite (${config.DATA_DIR})`,
    async close() {
      await app.close();
      if (databaseUrl && schema && !overrides.DATABASE_SCHEMA) {
        const db = await PostgresDatabase.open({ connectionString: databaseUrl });
        await db.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
        await db.close();
      }
    },
  };
}

/**
 * How many events the log holds, counted in the table itself. Unlike `headPosition()`, which
 * only sees transactions older than every running one (so lags under a busy server), this
 * tells at once whether a request wrote anything.
 */
export async function countEvents(testApp: TestApp): Promise<number> {
  const database = testApp.app.get<SqlDatabase>(SQL_DATABASE);
  const { rows } = await database.query<{ count: string }>(
    'SELECT count(*) AS count FROM es_events',
  );
  return Number(rows[0].count);
}
