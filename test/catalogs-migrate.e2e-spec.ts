import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Test, TestingModule } from '@nestjs/testing';
import { APP_CONFIG, AppConfig } from '@app/application';
import {
  customerDecider,
  CustomerState,
  customerStream,
  EMPTY_PROFILE,
  subscriptionStream,
} from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CliModule } from '../apps/cli/src/cli.module';
import { CliOutput } from '../apps/cli/src/cli-output';
import { CatalogsMigrateCommand } from '../apps/cli/src/catalogs-migrate/catalogs-migrate.command';
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

const databaseUrl = process.env.DATABASE_URL;
const AT = '2025-01-15T09:00:00.000Z';

describe(`cli catalogs-migrate on ${databaseUrl ? 'PostgreSQL' : 'PGlite'} (rule 28)`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'catalogs-cli-'));
  const schema = `catalogs_cli_${Date.now().toString(36)}`;
  let config: AppConfig;
  let cli: TestingModule;
  let output: CapturedOutput;
  let store: EventStore;

  /** A customer as the log held it before catalogs: free text, no ids. */
  const oldCustomer = (customerId: string, details: Partial<typeof EMPTY_PROFILE>) =>
    store.append(customerStream(customerId), [
      {
        type: 'CustomerRegistered',
        data: {
          ...EMPTY_PROFILE,
          personType: 'legal',
          name: `Cliente ${customerId}`,
          ...details,
          customerId,
          registeredAt: AT,
        },
        metadata: { actor: 'legacy', occurredAt: AT },
      },
    ]);
  const eventsOf = async (type: string) => store.readAll({ eventTypes: [type] });
  const stateOf = async (customerId: string): Promise<CustomerState> =>
    (await store.readStream(customerStream(customerId))).reduce(
      (state, event) => customerDecider.evolve(state, event as never),
      customerDecider.initialState,
    );

  beforeAll(async () => {
    const testApp = await startTestApp(
      databaseUrl ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema } : { DATA_DIR: dataDir },
    );
    config = testApp.config;
    await testApp.close();
    output = new CapturedOutput();
    cli = await Test.createTestingModule({ imports: [CliModule] })
      .overrideProvider(APP_CONFIG)
      .useValue({ ...config, PROJECTIONS_IN_PROCESS: false })
      .overrideProvider(CliOutput)
      .useValue(output)
      .compile();
    await cli.init();
    store = cli.get<EventStore>(EVENT_STORE);
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

  it('creates one entry per name (case and accents aside), links each customer, and appends nothing the second time', async () => {
    await oldCustomer('old-1', { zone: 'Zona Norte', seller: 'Lucía' });
    await oldCustomer('old-2', { zone: 'zona norte ', collector: 'Oficina' });
    await oldCustomer('old-3', { zone: 'ZONA  NÓRTE', seller: 'lucia' });
    await oldCustomer('old-4', {});
    await store.append(subscriptionStream('old-sub'), [
      {
        type: 'SubscriptionRequested',
        data: {
          subscriptionId: 'old-sub',
          contractId: 'old-contract',
          customerId: 'old-1',
          tariff: 'Fibra 300',
          monthlyPriceCents: 3000,
          billingMode: 'advance',
          requestedAt: AT,
        },
        metadata: { actor: 'legacy', occurredAt: AT },
      },
    ]);

    const command = cli.get(CatalogsMigrateCommand);
    await command.run();
    expect(JSON.parse(output.take())).toEqual({
      created: { zone: 1, seller: 1, collector: 1, tariff: 1 },
      customersLinked: 3,
      skipped: [],
    });
    const created = await eventsOf('CatalogEntryCreated');
    expect(created.map((e) => e.data)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'zone', name: 'Zona Norte' }),
        expect.objectContaining({ kind: 'seller', name: 'Lucía' }),
        expect.objectContaining({ kind: 'collector', name: 'Oficina' }),
        expect.objectContaining({
          kind: 'tariff',
          name: 'Fibra 300',
          monthlyPriceCents: 3000,
          vatRatePercent: 21,
          billingMode: 'advance',
        }),
      ]),
    );
    const zoneId = (
      created.find((e) => (e.data as { kind: string }).kind === 'zone')!.data as {
        entryId: string;
      }
    ).entryId;
    const states = await Promise.all(['old-1', 'old-2', 'old-3', 'old-4'].map(stateOf));
    expect(states.map((s) => (s.status === 'active' ? s.catalogLinks?.zone : undefined))).toEqual([
      zoneId,
      zoneId,
      zoneId,
      undefined,
    ]);
    // The customers' own text and history stay as they were written.
    expect(states[1]).toMatchObject({ profile: { zone: 'zona norte ' } });

    const events = (await store.readAll()).length;
    await command.run();
    expect(JSON.parse(output.take())).toEqual({
      created: { zone: 0, seller: 0, collector: 0, tariff: 0 },
      customersLinked: 0,
      skipped: [],
    });
    expect((await store.readAll()).length).toBe(events);
  });

  // PostgreSQL only: on PGlite one connection writes, so no transaction is ever left open.
  (databaseUrl ? it : it.skip)(
    'waits for an older open transaction, so a tariff committed behind it is carried over',
    async () => {
      const { PostgresDatabase } = await import('@app/database');
      const other = await PostgresDatabase.open({ connectionString: databaseUrl! });
      let endOtherTransaction!: () => void;
      const otherEnded = new Promise<void>((resolve) => (endOtherTransaction = resolve));
      let otherBegun!: () => void;
      const begun = new Promise<void>((resolve) => (otherBegun = resolve));
      const otherTransaction = other.transaction(async (tx) => {
        await tx.query('SELECT pg_current_xact_id()');
        otherBegun();
        await otherEnded;
      });
      try {
        await begun;
        await store.append(subscriptionStream('behind-sub'), [
          {
            type: 'SubscriptionRequested',
            data: {
              subscriptionId: 'behind-sub',
              contractId: 'behind-contract',
              customerId: 'old-4',
              tariff: 'Fibra Detrás',
              monthlyPriceCents: 4000,
              billingMode: 'advance',
              requestedAt: AT,
            },
            metadata: { actor: 'legacy', occurredAt: AT },
          },
        ]);
        const run = cli.get(CatalogsMigrateCommand).run();
        await new Promise((resolve) => setTimeout(resolve, 300));
        endOtherTransaction();
        await run;
      } finally {
        endOtherTransaction();
        await otherTransaction;
        await other.close();
      }
      expect(JSON.parse(output.take())).toMatchObject({ created: { tariff: 1 } });
    },
  );
});
