import {
  CUSTOMER_IMPORT_SETTINGS,
  CustomerImportRunner,
  CustomerImportScheduler,
  CustomerImportSettings,
} from '@app/application';
import { PostgresDatabase, quoteIdentifier } from '@app/database';
import { EVENT_STORE, EventStore } from '@app/event-store';
import request from 'supertest';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';
import { textBody } from './support/text-body';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };

/** No rounds of their own: each test runs the job and waits for it. */
const SETTINGS: CustomerImportSettings = { chunkSize: 2, intervalMs: 0 };

const csv = (...lines: string[]) => lines.map((line) => line + '\r\n').join('');
const VALID_IBAN = 'ES91 2100 0418 4502 0005 1332';

/** The day `days` before today (UTC), as `YYYY-MM-DD`. */
const daysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function startImportApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  return startTestApp(overrides, (builder) =>
    builder.overrideProvider(CUSTOMER_IMPORT_SETTINGS).useValue(SETTINGS),
  );
}

/** Helpers bound to one app. */
function on(testApp: TestApp) {
  const http = () => request(testApp.app.getHttpServer());
  const store = testApp.app.get<EventStore>(EVENT_STORE);
  const scheduler = testApp.app.get(CustomerImportScheduler);
  /**
   * Reads after every committed write: the last committed position, not the log's visible head
   * (on PostgreSQL an event committed behind another suite's open transaction is not yet in the
   * head, and a read at the head then misses it).
   */
  const caughtUp = async () => ({
    ...operator,
    'X-Min-Position': String(
      (await store.lastCommittedPosition()) ?? (await store.headPosition()) ?? 0,
    ),
  });
  return {
    http,
    store,
    caughtUp,
    /** Posts a file and waits for its job to finish; answers the import as GET shows it. */
    async importFile(body: string, contentType = 'text/csv') {
      const posted = await http()
        .post('/api/imports/customers')
        .set(operator)
        .set('Content-Type', contentType)
        .send(body);
      expect(posted.status).toBe(202);
      scheduler.nudge();
      await scheduler.settled();
      const shown = await http()
        .get(`/api/imports/${posted.body.importId}`)
        .set(auditor)
        .expect(200);
      return { posted: posted.body, shown: shown.body };
    },
    async exportCsv(format?: 'excel-es') {
      const res = await http()
        .get(`/api/customers/export.csv${format ? `?format=${format}` : ''}`)
        .set(await caughtUp())
        .buffer(true)
        .parse(textBody)
        .expect(200);
      return res.body as string;
    },
  };
}

/** The export without the columns a new system fills itself (its ids and instants). */
function comparable(exported: string, separator: ',' | ';'): string[] {
  const lines = exported
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
  const header = lines[0].split(separator);
  const skip = new Set(
    ['id', 'ID cliente', 'created at', 'Creado el', 'last modified', 'Última modificación'].map(
      (title) => header.indexOf(title),
    ),
  );
  // The cells here hold no separator inside quotes except the observation's, kept whole.
  return lines
    .slice(1)
    .map((line) => {
      const cells = line.match(new RegExp(`("([^"]|"")*"|[^${separator}]*)`, 'g'))!;
      return cells.filter((_, index) => index % 2 === 0 && !skip.has(index / 2)).join('|');
    })
    .sort();
}

describe('POST /imports/customers (issue 21 item 7)', () => {
  let source: TestApp;

  beforeAll(async () => {
    source = await startImportApp();
    const http = () => request(source.app.getHttpServer());
    const customers = [
      {
        personType: 'legal',
        name: 'Peña & Hijos, S.L.',
        email: 'pena@example.com',
        phone: '+34 910 000 000',
        document: { type: 'cif', number: 'B12345674' },
        address: {
          street: 'Calle Mayor 1',
          postalCode: '28013',
          city: 'Madrid',
          province: 'Madrid',
        },
        zone: 'Norte',
        observations: 'Llamar "después" de las 10;\nsegunda línea',
      },
      {
        personType: 'other',
        name: 'Ángela Núñez',
        email: 'angela@example.com',
        mobile: '600000000',
      },
      { personType: 'other', name: 'Sin e-mail' },
    ];
    for (const customer of customers)
      await http().post('/api/customers').set(operator).send(customer).expect(201);
  });
  afterAll(() => source.close());

  for (const format of ['default', 'excel-es'] as const)
    it(`round trip (${format}): the export of one system imported into a fresh one gives the same customers`, async () => {
      const exported = await on(source).exportCsv(format === 'excel-es' ? format : undefined);
      const target = await startImportApp();
      try {
        const { posted, shown } = await on(target).importFile(exported);
        expect(posted).toMatchObject({ status: 'running', total: 3, format });
        expect(shown).toMatchObject({
          status: 'done',
          total: 3,
          done: 3,
          imported: 3,
          rejected: [],
        });
        const again = await on(target).exportCsv(format === 'excel-es' ? format : undefined);
        const separator = format === 'excel-es' ? ';' : ',';
        expect(comparable(again, separator)).toEqual(comparable(exported, separator));
      } finally {
        await target.close();
      }
    });

  describe('on one system', () => {
    let target: TestApp;
    beforeAll(async () => {
      target = await startImportApp();
    });
    afterAll(() => target.close());

    it('imports the valid rows and answers every rejected row with its reasons', async () => {
      const file = csv(
        'name,email,document,contract signed on,iban,tariff,monthly price,active since',
        'Buena SL,buena@example.com,CIF B12345674,,,,,',
        ',sin-nombre@example.com,,,,,,',
        'Letra Mala,mala@example.com,DNI 12345678A,,,,,',
        'Repetido,buena@example.com,,,,,,',
        `Futuro,futuro@example.com,,${daysAgo(-5)},,,,`,
        `Fecha Falsa,falsa@example.com,,2025-02-30,,,,`,
        `Iban Malo,iban@example.com,,${daysAgo(30)},ES00 0000,,,`,
        `Antes,antes@example.com,,${daysAgo(30)},,Fibra,35.00,${daysAgo(40)}`,
        `Precio,precio@example.com,,${daysAgo(30)},,Fibra,treinta,${daysAgo(20)}`,
        `Sin contrato,sincontrato@example.com,,,,Fibra,35,${daysAgo(20)}`,
      );
      const { shown } = await on(target).importFile(file);
      expect(shown).toMatchObject({ status: 'done', total: 10, done: 10, imported: 1 });
      const reasons = Object.fromEntries(
        shown.rejected.map((r: { row: number; reasons: string[] }) => [r.row, r.reasons.join(' ')]),
      );
      expect(Object.keys(reasons).map(Number)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect(reasons[3]).toMatch(/name/);
      expect(reasons[4]).toMatch(/document\.number: refused by customer rule R3/);
      expect(reasons[5]).toMatch(/email: the same e-mail as row 2/);
      expect(reasons[6]).toMatch(/contract signed on: in the future/);
      expect(reasons[7]).toMatch(/contract signed on: not a real day/);
      expect(reasons[8]).toMatch(/iban/i);
      expect(reasons[9]).toMatch(/active since: before the contract was signed/);
      expect(reasons[10]).toMatch(/monthly price/);
      expect(reasons[11]).toMatch(/a subscription needs its contract/);
      // The reasons name columns and rules, never what the cells held.
      expect(JSON.stringify(shown.rejected)).not.toMatch(/example\.com|12345678A|ES00/);
    });

    it('the same file twice: the first import answered, nothing written', async () => {
      const file = csv('name,email', 'Una Vez SL,unavez@example.com');
      const first = await on(target).importFile(file);
      const before = await countEvents(target);
      const second = await on(target)
        .http()
        .post('/api/imports/customers')
        .set(operator)
        .set('Content-Type', 'text/csv')
        .send(file)
        .expect(202);
      expect(second.body).toMatchObject({
        importId: first.posted.importId,
        status: 'done',
        imported: 1,
      });
      expect(await countEvents(target)).toBe(before);
    });

    it('a customer whose e-mail another customer took since is rejected when written, the others imported', async () => {
      await on(target)
        .http()
        .post('/api/customers')
        .set(operator)
        .send({ personType: 'other', name: 'Ya Existe', email: 'yaexiste@example.com' })
        .expect(201);
      const { shown } = await on(target).importFile(
        csv('name,email', 'Nuevo,nuevo@example.com', 'Otro,YaExiste@example.com'),
      );
      expect(shown).toMatchObject({ imported: 1, done: 2 });
      expect(shown.rejected).toEqual([
        { row: 3, reasons: [expect.stringMatching(/email: refused by rule R2 when written/)] },
      ]);
    });

    it('contracts and subscriptions keep their past dates: the customer file shows them, billing prices from the active-since day', async () => {
      // Two months back: signed on the 1st, active from the 11th (21 days of a 31-day month
      // or so); the cycle from the 1st charges only the days since the 11th.
      const now = new Date();
      const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1));
      const signedOn = month.toISOString().slice(0, 10);
      const activeSince = `${signedOn.slice(0, 8)}11`;
      const { shown } = await on(target).importFile(
        csv(
          'Nombre;E-mail;Contrato firmado el;IBAN;Referencia del mandato;Tarifa;Precio mensual;Modo de facturación;Activo desde',
          `Histórica SL;historica@example.com;${signedOn.split('-').reverse().join('/')};${VALID_IBAN};M-IMP-1;Fibra 600 Mb;35,50;advance;${activeSince}`,
        ),
      );
      expect(shown).toMatchObject({ status: 'done', imported: 1, rejected: [] });
      const [{ customerId }] = shown.customers;
      const http = on(target).http;
      const contracts = await http()
        .get(`/api/customers/${customerId}/contracts`)
        .set(await on(target).caughtUp())
        .expect(200);
      const [contract] = contracts.body.items ?? contracts.body;
      expect(contract).toMatchObject({
        status: 'signed',
        paymentMethod: 'direct_debit',
        mandateReference: 'M-IMP-1',
        signedAt: signedOn,
      });
      expect(contract.subscriptions).toHaveLength(1);
      const [subscription] = contract.subscriptions;
      expect(subscription).toMatchObject({
        status: 'active',
        tariff: 'Fibra 600 Mb',
        monthlyPriceCents: 3550,
        billingMode: 'advance',
        activatedAt: activeSince,
        tariffTimeline: [expect.objectContaining({ effectiveFrom: activeSince })],
      });

      await http()
        .put(`/api/customers/${customerId}/billing-settings`)
        .set(operator)
        .send({
          billingEnabled: true,
          paymentMethod: 'direct_debit',
          invoiceSeries: 'F2026',
          billingDay: 1,
          iban: VALID_IBAN,
        })
        .expect(200);
      const simulated = await http()
        .post('/api/billing/simulations')
        .set(await on(target).caughtUp())
        .send({ cycles: 2, customerIds: [customerId], from: signedOn })
        .expect(200);
      const [first, second] = simulated.body.contracts[0].cycles;
      const [line] = first.invoice.lines;
      expect(line).toMatchObject({
        subscriptionId: subscription.id,
        period: { from: activeSince },
      });
      expect(line.days).toBe(line.daysInPeriod - 10);
      expect(line.amountCents).toBe(Math.round((3550 * line.days) / line.daysInPeriod));
      expect(second.invoice.lines[0]).toMatchObject({ amountCents: 3550 });
    });

    it('refuses what is not a customer CSV (400) and a file over the limit (413), writing nothing', async () => {
      const http = on(target).http;
      const before = await countEvents(target);
      await http()
        .post('/api/imports/customers')
        .set(operator)
        .set('Content-Type', 'text/csv')
        .send('hello,world\r\n1,2\r\n')
        .expect(400)
        .expect(({ body }) => expect(body.message).toMatch(/not a column/));
      await http()
        .post('/api/imports/customers')
        .set(operator)
        .send({ csv: 'name\r\nX\r\n' })
        .expect(400)
        .expect(({ body }) => expect(body.details[0].field).toBe('body'));
      await http()
        .post('/api/imports/customers')
        .set(operator)
        .set('Content-Type', 'text/csv')
        .send('name,email\r\nNul\u0000,nul@example.com\r\n')
        .expect(400);
      await http()
        .post('/api/imports/customers')
        .set(operator)
        .set('Content-Type', 'text/csv')
        .send('name\r\n"unclosed\r\n')
        .expect(400);
      await http()
        .post('/api/imports/customers')
        .set(operator)
        .set('Content-Type', 'text/csv')
        .send('name\r\n' + 'x'.repeat(6 * 1024 * 1024) + '\r\n')
        .expect(413);
      expect(await countEvents(target)).toBe(before);
    });
  });

  it('a job stopped midway by a restart is finished by the next process, each customer once', async () => {
    // PGlite in memory does not outlive the process: a restart on it needs a directory.
    const overrides: Record<string, string> = process.env.DATABASE_URL
      ? { DATABASE_SCHEMA: `e2e_import_${Date.now().toString(36)}` }
      : { DATA_DIR: await tempDir() };
    const first = await startImportApp(overrides);
    // This process stops after one chunk: its scheduler is not to run the rest.
    jest.spyOn(first.app.get(CustomerImportScheduler), 'nudge').mockImplementation(() => undefined);
    const file = csv(
      'name,email',
      ...Array.from({ length: 5 }, (_, n) => `Reinicio ${n},reinicio${n}@example.com`),
    );
    const posted = await on(first)
      .http()
      .post('/api/imports/customers')
      .set(operator)
      .set('Content-Type', 'text/csv')
      .send(file)
      .expect(202);
    // One chunk (two rows) written and recorded, then the process stops.
    await first.app.get(CustomerImportRunner).step(posted.body.importId);
    const partial = await on(first)
      .http()
      .get(`/api/imports/${posted.body.importId}`)
      .set(auditor)
      .expect(200);
    expect(partial.body).toMatchObject({ status: 'running', done: 2 });
    await first.app.close();

    const second = await startImportApp(overrides);
    try {
      const scheduler = second.app.get(CustomerImportScheduler);
      scheduler.nudge();
      await scheduler.settled();
      const shown = await on(second)
        .http()
        .get(`/api/imports/${posted.body.importId}`)
        .set(auditor)
        .expect(200);
      expect(shown.body).toMatchObject({ status: 'done', imported: 5, done: 5 });
      const registered = await second.app
        .get<EventStore>(EVENT_STORE)
        .readAll({ eventTypes: ['CustomerRegistered'] });
      expect(registered).toHaveLength(5);
    } finally {
      await second.close();
      // A schema the spec named itself is not dropped by `close`.
      if (process.env.DATABASE_URL) {
        const db = await PostgresDatabase.open({ connectionString: process.env.DATABASE_URL });
        await db.query(
          `DROP SCHEMA IF EXISTS ${quoteIdentifier(overrides.DATABASE_SCHEMA)} CASCADE`,
        );
        await db.close();
      }
    }
  });
});

async function tempDir(): Promise<string> {
  const { mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  return mkdtemp(join(tmpdir(), 'customer-import-'));
}
