import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Test, TestingModule } from '@nestjs/testing';
import { APP_CONFIG, AppConfig } from '@app/application';
import { CliModule } from '../apps/cli/src/cli.module';
import { CliOutput } from '../apps/cli/src/cli-output';
import { DunningRunCommand } from '../apps/cli/src/dunning-run/dunning-run.command';
import { BillingFixtures, recentMonths } from './support/billing-fixtures';
import { startTestApp } from './support/test-app';

/** A CliOutput that keeps what the command printed on stdout. */
class CapturedOutput extends CliOutput {
  printed = '';
  override readonly stdout = capture((text) => (this.printed += text));
  override readonly stderr = capture(() => undefined);
  take(): string {
    const taken = this.printed;
    this.printed = '';
    return taken;
  }
}
function capture(onText: (text: string) => void): PassThrough {
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => onText(chunk.toString()));
  return stream;
}

const plus = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const databaseUrl = process.env.DATABASE_URL;

describe(`cli dunning-run on ${databaseUrl ? 'PostgreSQL' : 'PGlite'} (rule R20)`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dunning-cli-'));
  const schema = `dunning_cli_${Date.now().toString(36)}`;
  let config: AppConfig;
  let cli: TestingModule;
  let output: CapturedOutput;
  let customerId: string;
  let subscriptionId: string;
  let dueDate: string;

  beforeAll(async () => {
    const testApp = await startTestApp(
      databaseUrl ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema } : { DATA_DIR: dataDir },
    );
    try {
      const given = new BillingFixtures(testApp);
      customerId = await given.customer('CLI', 'transfer', 'Morosa por consola SL');
      const contractId = await given.signedContract(customerId, 'transfer');
      subscriptionId = await given.activeSubscription(contractId, 2500);
      const [period] = recentMonths(1);
      const billed = await given.post('/billing/runs', { period, customerIds: [customerId] }, 201);
      dueDate = billed.body.issued[0].dueDate;
      config = testApp.config;
    } finally {
      await testApp.close();
    }
    output = new CapturedOutput();
    cli = await Test.createTestingModule({ imports: [CliModule] })
      .overrideProvider(APP_CONFIG)
      .useValue({ ...config, PROJECTIONS_IN_PROCESS: false })
      .overrideProvider(CliOutput)
      .useValue(output)
      .compile();
    await cli.init();
  }, 60_000);

  afterAll(async () => {
    await cli?.close();
    if (databaseUrl) {
      const { PostgresDatabase } = await import('@app/database');
      const db = await PostgresDatabase.open({ connectionString: databaseUrl });
      await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.close();
    }
    rmSync(dataDir, { recursive: true, force: true });
    process.exitCode = 0;
  });

  it('applies the steps due on --as-of, suspends for debt, and does nothing more the same day', async () => {
    const command = cli.get(DunningRunCommand);
    const asOf = command.parseAsOf(plus(dueDate, 30));
    await command.run([], { asOf });
    const first = JSON.parse(output.take());
    expect(first).toMatchObject({
      asOf,
      customers: 1,
      steps: [
        { customerId, step: 'reminder' },
        { customerId, step: 'warning' },
        { customerId, step: 'suspend' },
      ],
      suspended: [{ customerId, subscriptionId }],
      failed: [],
    });

    await command.run([], { asOf });
    expect(JSON.parse(output.take())).toMatchObject({ customers: 1, steps: [], suspended: [] });
  });

  it('refuses an --as-of that is not a day', () => {
    expect(() => cli.get(DunningRunCommand).parseAsOf('2026-02-30')).toThrow(/--as-of/);
  });
});
