import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Test, TestingModule } from '@nestjs/testing';
import request from 'supertest';
import { APP_CONFIG, AppConfig, SQL_DATABASE } from '@app/application';
import { SqlDatabase } from '@app/database';
import { ChainRecord, chainEventOf, huellaOfRecord, verifactuChainStream } from '@app/domain';
import { registrationChain } from '@app/domain/testing';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CliModule } from '../apps/cli/src/cli.module';
import { CliOutput } from '../apps/cli/src/cli-output';
import { VerifyChainCommand } from '../apps/cli/src/verify-chain/verify-chain.command';
import { startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';

const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };
const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const databaseUrl = process.env.DATABASE_URL;

/** A CliOutput that keeps what the command wrote. */
class CapturedOutput extends CliOutput {
  out = '';
  err = '';
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

const ISSUER = 'issuer-e2e';
const OTHER = 'issuer-other';
const RECORDS = 40;
const TAMPERED = 23;

describe(`VERI*FACTU chain API and CLI on ${databaseUrl ? 'PostgreSQL' : 'PGlite'} (rule 22)`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'verifactu-chain-'));
  const schema = `verifactu_chain_${Date.now().toString(36)}`;
  let testApp: TestApp;
  let appOpen = false;
  let config: AppConfig;
  let chain: ChainRecord[];
  let position: bigint;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await startTestApp(
      databaseUrl ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema } : { DATA_DIR: dataDir },
    );
    appOpen = true;
    config = testApp.config;
    const store = testApp.app.get<EventStore>(EVENT_STORE);
    chain = registrationChain(RECORDS, ISSUER);
    // Appended as billing will: a few records at a time, each batch on the chain's last record.
    for (let from = 0; from < RECORDS; from += 7) {
      ({ position } = await store.append(
        verifactuChainStream(ISSUER),
        chain.slice(from, from + 7).map(chainEventOf),
      ));
    }
    const other = registrationChain(3, OTHER);
    ({ position } = await store.append(verifactuChainStream(OTHER), other.map(chainEventOf)));
  }, 60_000);

  afterAll(async () => {
    if (appOpen) await testApp.close();
    if (databaseUrl) {
      const { PostgresDatabase } = await import('@app/database');
      const db = await PostgresDatabase.open({ connectionString: databaseUrl });
      await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.close();
    }
    rmSync(dataDir, { recursive: true, force: true });
    process.exitCode = 0;
  });

  it('lists the chain in order, paged, once the projection reaches the appends', async () => {
    const page = await http()
      .get(`/api/verifactu/issuers/${ISSUER}/chain?page=3&pageSize=10`)
      .set(operator)
      .set('X-Min-Position', position.toString())
      .expect(200);
    expect(page.body.total).toBe(RECORDS);
    expect(page.body.items.map((item: { sequence: number }) => item.sequence)).toEqual(
      Array.from({ length: 10 }, (_, i) => 20 + i),
    );
    expect(page.body.items[0]).toMatchObject({
      recordId: chain[20].recordId,
      numSerie: 'FA-000021',
      kind: 'registration',
      tipoFactura: 'F1',
      huella: chain[20].huella,
      record: { previous: { huella: chain[19].huella } },
    });
  });

  it('answers an issuer without records an empty, valid chain', async () => {
    const empty = await http().get('/api/verifactu/issuers/nobody/chain').set(auditor).expect(200);
    expect(empty.body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    const verified = await http()
      .get('/api/verifactu/issuers/nobody/chain/verification')
      .set(auditor)
      .expect(200);
    expect(verified.body).toEqual({ issuerId: 'nobody', valid: true, records: 0 });
  });

  it('refuses the verification without a key, and a page size over 100', async () => {
    await http().get(`/api/verifactu/issuers/${ISSUER}/chain/verification`).expect(401);
    await http()
      .get(`/api/verifactu/issuers/${ISSUER}/chain?pageSize=101`)
      .set(operator)
      .expect(400);
  });

  it('verifies the chain from the log, then names the one record edited in the stored log', async () => {
    const before = await http()
      .get(`/api/verifactu/issuers/${ISSUER}/chain/verification`)
      .set(auditor)
      .expect(200);
    expect(before.body).toEqual({ issuerId: ISSUER, valid: true, records: RECORDS });

    // An edit behind the application's back: one record's amount in the events table itself.
    const database = testApp.app.get<SqlDatabase>(SQL_DATABASE);
    const { rows } = await database.query<{ id: string }>(
      `UPDATE es_events SET data = jsonb_set(data, '{importeTotalCents}', '999999')
       WHERE stream_id = $1 AND revision = $2 RETURNING event_id AS id`,
      [verifactuChainStream(ISSUER), TAMPERED],
    );
    expect(rows).toHaveLength(1);

    const after = await http()
      .get(`/api/verifactu/issuers/${ISSUER}/chain/verification`)
      .set(operator)
      .expect(200);
    expect(after.body).toEqual({
      issuerId: ISSUER,
      valid: false,
      records: RECORDS,
      firstBroken: {
        index: TAMPERED,
        recordId: chain[TAMPERED].recordId,
        numSerie: chain[TAMPERED].invoice.numSerie,
        reason: 'fingerprint',
        expected: huellaOfRecord({ ...chain[TAMPERED], importeTotalCents: 999_999 } as ChainRecord),
        found: chain[TAMPERED].huella,
      },
    });
    const other = await http()
      .get(`/api/verifactu/issuers/${OTHER}/chain/verification`)
      .set(auditor)
      .expect(200);
    expect(other.body).toEqual({ issuerId: OTHER, valid: true, records: 3 });
  });

  describe('npm run cli -- verify-chain', () => {
    let cli: TestingModule;
    const output = new CapturedOutput();

    beforeAll(async () => {
      // The CLI opens the same storage once the API has let go of it.
      await testApp.close();
      appOpen = false;
      cli = await Test.createTestingModule({ imports: [CliModule] })
        .overrideProvider(APP_CONFIG)
        .useValue({ ...config, PROJECTIONS_IN_PROCESS: false })
        .overrideProvider(CliOutput)
        .useValue(output)
        .compile();
      await cli.init();
    }, 60_000);
    afterAll(() => cli?.close());

    it('verifies every chain it finds in the log and fails naming the broken record', async () => {
      await cli.get(VerifyChainCommand).run([], {});
      const { stdout, stderr, failed } = output.take();
      expect(failed).toBe(true);
      const lines = stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines.map((line) => [line.issuerId, line.valid, line.records])).toEqual([
        [ISSUER, false, RECORDS],
        [OTHER, true, 3],
      ]);
      expect(lines[0].firstBroken).toMatchObject({
        index: TAMPERED,
        recordId: chain[TAMPERED].recordId,
        reason: 'fingerprint',
      });
      expect(stderr).toContain(
        `BROKEN: the chain of issuer ${ISSUER} breaks at record #${TAMPERED} ${chain[TAMPERED].recordId} (FA-000024), fingerprint`,
      );
      expect(stderr).toContain(`OK: the chain of issuer ${OTHER} is valid (3 records)`);
    });

    it('verifies one issuer with --issuer, exit code 0 when its chain is valid', async () => {
      const command = cli.get(VerifyChainCommand);
      await command.run([], { issuer: command.parseIssuer(OTHER) });
      const { stdout, failed } = output.take();
      expect(failed).toBe(false);
      expect(JSON.parse(stdout)).toEqual({ issuerId: OTHER, valid: true, records: 3 });
    });
  });
});
