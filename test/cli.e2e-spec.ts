import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { Test, TestingModule } from '@nestjs/testing';
import request from 'supertest';
import { dateInZone } from '@app/domain';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/application';
import { READ_MODELS } from '@app/application';
import { APP_CONFIG } from '@app/application';
import { AsOfCommand } from '../apps/cli/src/as-of/as-of.command';
import { CliModule } from '../apps/cli/src/cli.module';
import { CliOutput } from '../apps/cli/src/cli-output';
import { ExportCommand } from '../apps/cli/src/export/export.command';
import { RebuildCommand } from '../apps/cli/src/rebuild/rebuild.command';
import { SimulateCommand } from '../apps/cli/src/simulate/simulate.command';
import { VerifyCommand } from '../apps/cli/src/verify/verify.command';
import { RemittanceFileCommand } from '../apps/cli/src/remittance-file/remittance-file.command';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { RemittanceCreated, remittanceLedgerStream } from '@app/domain';
import { writeFileSync } from 'node:fs';
import { startTestApp, TEST_API_KEYS } from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const IBAN = 'ES91 2100 0418 4502 0005 1332';

/** A CliOutput that keeps what a command wrote. */
class CapturedOutput extends CliOutput {
  private out = '';
  private err = '';
  override readonly stdout = capture((text) => (this.out += text));
  override readonly stderr = capture((text) => (this.err += text));
  take(): { stdout: string; stderr: string; failed: boolean } {
    const taken = { stdout: this.out, stderr: this.err, failed: this.failed };
    this.out = '';
    this.err = '';
    this.failed = false;
    process.exitCode = 0;
    return taken;
  }
}
function capture(onText: (text: string) => void): PassThrough {
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => onText(chunk.toString()));
  return stream;
}

interface Seeded {
  customers: string[];
  contract: string;
  subscription: string;
}

/** A small workload through the real API: customers, billing, a signed contract, a subscription. */
async function seed(
  config: Record<string, string>,
): Promise<{ seeded: Seeded; config: AppConfig }> {
  const testApp = await startTestApp(config);
  const http = () => request(testApp.app.getHttpServer());
  try {
    const customers: string[] = [];
    for (let n = 1; n <= 4; n++) {
      const res = await http()
        .post('/api/customers')
        .set(operator)
        .send({ personType: 'legal', name: `Auditada ${n} SL`, zone: n % 2 ? 'Norte' : 'Sur' })
        .expect(201);
      customers.push(res.body.id);
    }
    await http()
      .put(`/api/customers/${customers[0]}/billing-settings`)
      .set(operator)
      .send({
        billingEnabled: true,
        paymentMethod: 'direct_debit',
        billingDay: 5,
        invoiceSeries: 'F',
        sendInvoiceEmail: true,
        iban: IBAN,
      })
      .expect(200);
    await http()
      .patch(`/api/customers/${customers[1]}`)
      .set(operator)
      .send({ zone: 'Este' })
      .expect(200);
    await http()
      .post(`/api/customers/${customers[3]}/deactivate`)
      .set(operator)
      .send({})
      .expect(200);
    const contract = (
      await http()
        .post('/api/contracts')
        .set(operator)
        .send({ customerId: customers[0], paymentMethod: 'direct_debit' })
        .expect(201)
    ).body.id as string;
    await http()
      .post(`/api/contracts/${contract}/sign`)
      .set(operator)
      .send({
        iban: IBAN,
        signatory: 'Ana',
        mandateReference: 'M-1',
        signedAt: '2026-01-10T10:00:00Z',
      })
      .expect(200);
    const subscription = (
      await http()
        .post('/api/subscriptions')
        .set(operator)
        .send({
          contractId: contract,
          tariff: 'Fibra 600',
          monthlyPriceCents: 3500,
          billingMode: 'advance',
        })
        .expect(201)
    ).body.id as string;
    const last = await http()
      .post(`/api/subscriptions/${subscription}/activate`)
      .set(operator)
      .send({})
      .expect(200);
    await http()
      .get(`/api/customers/${customers[0]}`)
      .set({ ...operator, 'X-Min-Position': String(last.body.position) })
      .expect(200);
    return { seeded: { customers, contract, subscription }, config: testApp.config };
  } finally {
    await testApp.close();
  }
}

const databaseUrl = process.env.DATABASE_URL;

describe(`the auditors' command line on ${databaseUrl ? 'PostgreSQL' : 'PGlite'}`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cli-e2e-'));
  const schema = `cli_${Date.now().toString(36)}`;
  let seeded: Seeded;
  let config: AppConfig;
  let cli: TestingModule;
  let output: CapturedOutput;
  const readModels = () => cli.get<DataSource>(READ_MODELS);

  async function openCli(): Promise<void> {
    output = new CapturedOutput();
    cli = await Test.createTestingModule({ imports: [CliModule] })
      .overrideProvider(APP_CONFIG)
      // The seeded log is small: defer the indexes anyway, so `rebuild` drops and restores them.
      .useValue({ ...config, PROJECTIONS_IN_PROCESS: false, REBUILD_DEFER_INDEXES_FROM: 0 })
      .overrideProvider(CliOutput)
      .useValue(output)
      .compile();
    await cli.init();
  }

  beforeAll(async () => {
    ({ seeded, config } = await seed(
      databaseUrl ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema } : { DATA_DIR: dataDir },
    ));
    await openCli();
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
  });

  it('verify passes after the seeded workload, and fails naming a tampered row', async () => {
    await cli.get(VerifyCommand).run();
    const passed = output.take();
    expect(passed.failed).toBe(false);
    expect(passed.stderr).toMatch(/^OK: the read models \(customer_file, .*\) equal a rebuild/m);

    const [ana, bea] = seeded.customers;
    await readModels().query(`UPDATE customer_file SET zone = 'Tampered' WHERE id = $1`, [bea]);
    await readModels().query(`DELETE FROM customer_subscriptions WHERE id = $1`, [
      seeded.subscription,
    ]);
    await cli.get(VerifyCommand).run();
    const failed = output.take();
    expect(failed.failed).toBe(true);
    expect(failed.stderr).toContain(
      `customer_file {"id":"${bea}"} zone: live "Tampered" vs rebuilt "Este"`,
    );
    expect(failed.stderr).toContain(
      `customer_subscriptions {"id":"${seeded.subscription}"}: missing from the live read models`,
    );
    expect(failed.stderr).not.toContain(ana);
    expect(failed.stderr).toMatch(/FAILED: 2 row\(s\) differ/);
    const schemas = await readModels().query(
      "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'verify\\_%'",
    );
    expect(schemas).toEqual([]);
  });

  it('rebuild repairs the tampered projections; an unknown name is refused with the list', async () => {
    await cli.get(RebuildCommand).run(['no-such-view']);
    const refused = output.take();
    expect(refused.failed).toBe(true);
    expect(refused.stderr).toContain(
      'Unknown projection "no-such-view". Projections: customer-file,',
    );

    await cli.get(RebuildCommand).run(['customer-file']);
    expect(output.take().stderr).toMatch(
      /Rebuilt customer-file \(customer_file\) up to position \d+: \d+ events/,
    );
    expect(
      (
        await readModels().query('SELECT zone FROM customer_file WHERE id = $1', [
          seeded.customers[1],
        ])
      )[0].zone,
    ).toBe('Este');
    await cli.get(VerifyCommand).run();
    expect(output.take().failed).toBe(true);

    const indexes = () =>
      readModels().query(
        'SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname',
      );
    const indexesBefore = await indexes();
    await cli.get(RebuildCommand).run([]);
    expect(output.take().failed).toBe(false);
    // The rebuild dropped the secondary indexes while it filled the tables: all are back.
    expect(await indexes()).toEqual(indexesBefore);
    expect(await readModels().query('SELECT * FROM read_model_deferred_indexes')).toEqual([]);
    await cli.get(VerifyCommand).run();
    expect(output.take()).toMatchObject({ failed: false, stderr: expect.stringMatching(/^OK/m) });
  });

  it('as-of prints a stream folded at a version or instant; export writes NDJSON', async () => {
    const stream = `customer-${seeded.customers[1]}`;
    await cli.get(AsOfCommand).run([stream, '1']);
    const first = JSON.parse(output.take().stdout);
    expect(first).toMatchObject({ kind: 'customer', version: 1, state: { status: 'active' } });
    expect(JSON.stringify(first.state)).toContain('"Sur"');
    await cli.get(AsOfCommand).run([stream]);
    expect(JSON.stringify(JSON.parse(output.take().stdout).state)).toContain('"Este"');
    await cli.get(AsOfCommand).run([stream, 'soon']);
    expect(output.take()).toMatchObject({
      failed: true,
      stderr: expect.stringContaining('ISO-8601'),
    });
    await cli.get(AsOfCommand).run(['es-reservations-1']);
    expect(output.take().failed).toBe(true);

    await cli.get(ExportCommand).run([`subscription-${seeded.subscription}`]);
    const lines = output
      .take()
      .stdout.trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((event) => event.type)).toEqual([
      'SubscriptionRequested',
      'SubscriptionActivated',
    ]);
    expect(lines[1]).toMatchObject({
      version: 2,
      position: expect.any(Number),
      metadata: { actor: expect.any(String) },
    });

    await cli.get(ExportCommand).run(['all']);
    const all = output
      .take()
      .stdout.trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const positions = all.map((event) => event.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(all.filter((event) => event.type === 'CustomerRegistered')).toHaveLength(4);
  });

  it('simulate prints invoices and amounts per cycle and problems by code', async () => {
    const from = dateInZone(new Date(Date.now() + 40 * 86_400_000).toISOString());
    await cli.get(SimulateCommand).run([], { cycles: 2, from });
    const { stdout } = output.take();
    expect(stdout).toContain(`Simulation from ${from}, 2 cycle(s)`);
    expect(stdout).toContain('1 contract(s) simulated');
    const cycleRows = stdout.match(/^\d{4}-\d{2} .*$/gm) ?? [];
    // The cycle in progress on `from` comes first unless `from` starts one (billing day 5).
    expect(cycleRows).toHaveLength(from.endsWith('-05') ? 2 : 3);
    expect(stdout).toMatch(/^cycle\s+invoices\s+issued\s+net\s+VAT\s+total$/m);
    // Previewed, none issued yet (a billing run's invoice would count under `issued`).
    for (const row of cycleRows) {
      expect(row).toMatch(/\s1\s+0\s+35\.00 EUR\s+7\.35 EUR\s+42\.35 EUR$/);
    }
    expect(stdout).toMatch(/^R12\.INVOICE_EMAIL_WITHOUT_MAIN_EMAIL\s+1\s+1\s+0$/m);
  });

  it('exits with status 1 from the real command line when a row was tampered with', async () => {
    await readModels().query(
      `UPDATE customer_contracts SET payment_method = 'cash' WHERE id = $1`,
      [seeded.contract],
    );
    await cli.close();
    const env = {
      ...process.env,
      LOG_LEVEL: 'silent',
      ...(databaseUrl
        ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema }
        : { DATA_DIR: dataDir }),
    };
    const run = promisify(execFile);
    // The compiled CLI, as `npm run cli` runs it (jest's globalSetup built it).
    const failure = await run(process.execPath, ['dist/apps/cli/src/main.js', 'verify'], {
      env,
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(
      `customer_contracts {"id":"${seeded.contract}"} payment_method: live "cash" vs rebuilt "direct_debit"`,
    );
    await openCli();
  }, 60_000);

  // Last: it appends to the log, which the read models then lag (the CLI follows no projection).
  it('remittance-file writes the SEPA file of a remittance from the log; validates against the XSD', async () => {
    const remittance: RemittanceCreated = {
      type: 'RemittanceCreated',
      data: {
        remittanceId: '5d0c3b1e-2f4a-4b6c-8d9e-0a1b2c3d4e5f',
        issuerId: 'default',
        collectionDate: '2026-12-10',
        dueUntil: '2026-12-10',
        painVersion: '001.08',
        messageId: 'REM5d0c3b1e2f4a4b6c8d9e0a1b2c3d4e5f',
        createdAt: '2026-12-03T10:00:00.000Z',
        creditor: {
          name: 'Fibra Norte SL',
          iban: 'ES9121000418450200051332',
          bic: null,
          creditorId: 'ES10ZZZB76365789',
        },
        transactions: [
          {
            invoiceId: 'inv-1',
            invoiceNumber: 'F-000001',
            effectId: '0f4c2a9e-1b6d-4c1e-9f7a-2d3b4c5d6e7f',
            customerId: seeded.customers[0],
            contractId: seeded.contract,
            endToEndId: '0f4c2a9e1b6d4c1e9f7a2d3b4c5d6e7f',
            amountCents: 4235,
            dueDate: '2026-12-05',
            mandateReference: 'M-1',
            mandateSignedOn: '2026-01-10',
            sequenceType: 'FRST',
            debtorName: 'Ana Muñoz',
            debtorIban: 'ES7921000813610123456789',
          },
        ],
        excluded: [],
        totalCents: 4235,
      },
    };
    await cli.get<EventStore>(EVENT_STORE).append(remittanceLedgerStream('default'), [remittance]);
    await cli.get(RemittanceFileCommand).run([remittance.data.remittanceId], {});
    const { stdout, failed } = output.take();
    expect(failed).toBe(false);
    expect(stdout).toContain('<EndToEndId>0f4c2a9e1b6d4c1e9f7a2d3b4c5d6e7f</EndToEndId>');
    expect(stdout).toContain('<Nm>Ana Munoz</Nm>');
    const file = join(dataDir, 'remesa.xml');
    writeFileSync(file, stdout);
    const schema = join(
      __dirname,
      '../libs/application/src/collections/sepa/schemas/pain.008.001.08.xsd',
    );
    await promisify(execFile)('xmllint', ['--noout', '--schema', schema, file]);

    await cli.get(RemittanceFileCommand).run(['no-such-remittance'], {});
    expect(output.take()).toMatchObject({
      failed: true,
      stderr: expect.stringContaining('No remittance'),
    });
  });
});
