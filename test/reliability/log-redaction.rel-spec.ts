import { PostgresDatabase, quoteIdentifier } from '@app/database';
import request from 'supertest';
import { LocalSmtpServer } from '../../libs/application/src/sends/testing/local-smtp-server';
import { AppProcess, ENTRIES } from './support/app-process';
import { recordFigure, storageInUse } from './support/reliability-figures';
import { TEST_API_KEYS } from '../support/test-app';
import { listenPortForChildProcess } from '../support/listen-port';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const IBAN = 'ES91 2100 0418 4502 0005 1332';
const OTHER_IBAN = 'ES79 2100 0813 6101 2345 6789';
const INVALID_IBAN = 'ES00 1234 5678 9012 3456 7890';
const customer = {
  personType: 'natural',
  name: 'Anabel Garcíamoreno Lopezvilla',
  givenName: 'Anabel',
  firstSurname: 'Garcíamoreno',
  secondSurname: 'Lopezvilla',
  document: { type: 'dni', number: '12345678Z' },
  email: 'anabel.garciamoreno@example.com',
  phone: '+34 912 345 678',
  mobile: '+34 612 987 654',
  address: { street: 'Calle Secreta 17', city: 'Madrid', postalCode: '28013' },
};
const compact = (iban: string) => iban.replace(/\s/g, '');
/** What must never reach a log line (a masked IBAN, showing only its last digits, may). */
const SECRETS = [
  customer.name,
  customer.givenName,
  customer.firstSurname,
  customer.secondSurname,
  customer.document.number,
  customer.email,
  customer.email.toUpperCase(),
  customer.phone,
  customer.mobile,
  customer.address.street,
  ...[IBAN, OTHER_IBAN, INVALID_IBAN].flatMap((iban) => [iban, compact(iban)]),
  ...Object.values(TEST_API_KEYS),
];

describe('logs of the real API process carry no personal data, IBANs or keys', () => {
  let api: AppProcess;
  let baseUrl: string;
  let smtp: LocalSmtpServer;
  const schema = `logs_${Date.now().toString(36)}`;

  beforeAll(async () => {
    const port = await listenPortForChildProcess();
    smtp = await LocalSmtpServer.start();
    baseUrl = `http://127.0.0.1:${port}`;
    api = AppProcess.start(
      ENTRIES.api,
      {
        PORT: String(port),
        DATA_DIR: 'memory://',
        LOG_LEVEL: 'trace',
        SMTP_URL: smtp.url,
        SENDS_INTERVAL_MS: '200',
        API_KEYS: Object.entries(TEST_API_KEYS)
          .map(([role, key]) => `${role}:${key}`)
          .join(','),
        ...(process.env.DATABASE_URL ? { DATABASE_SCHEMA: schema } : {}),
      },
      `log-redaction-${port}`,
    );
    const deadline = Date.now() + 60_000;
    for (;;) {
      const up = await request(baseUrl)
        .get('/api/health')
        .then((res) => res.status === 200)
        .catch(() => false);
      if (up) break;
      if (!api.running || Date.now() > deadline)
        throw new Error(`the API did not start:\n${api.lastOutput}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 90_000);
  afterAll(async () => {
    await api?.stop();
    await smtp?.close();
    if (!process.env.DATABASE_URL) return;
    const db = await PostgresDatabase.open({ connectionString: process.env.DATABASE_URL });
    await db.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
    await db.close();
  });

  it('masks or leaves out every personal field of commands, refusals and queries', async () => {
    const http = () => request(baseUrl);
    const created = await http().post('/api/customers').set(operator).send(customer).expect(201);
    const id = created.body.id as string;
    await http()
      .post('/api/customers')
      .set(operator)
      .send({ ...customer, email: customer.email.toUpperCase(), document: undefined })
      .expect(409);
    await http()
      .post('/api/customers')
      .set({ ...operator, 'Idempotency-Key': customer.email })
      .send({ ...customer, document: { type: 'dni', number: '12345678A' } })
      .expect((res) => expect([409, 422]).toContain(res.status));
    await http()
      .put(`/api/customers/${id}/billing-settings`)
      .set(operator)
      .send({ iban: IBAN, billingEnabled: true, paymentMethod: 'direct_debit' })
      .expect(200);
    await http()
      .put(`/api/customers/${id}/billing-settings`)
      .set(operator)
      .send({ iban: INVALID_IBAN })
      .expect((res) => expect([400, 422]).toContain(res.status));
    const contract = await http()
      .post('/api/contracts')
      .set(operator)
      .send({ customerId: id, paymentMethod: 'direct_debit' })
      .expect(201);
    await http()
      .post(`/api/contracts/${contract.body.id}/sign`)
      .set(operator)
      .send({
        iban: OTHER_IBAN,
        signatory: customer.name,
        mandateReference: 'MANDATE-LOGS-1',
        signedAt: '2026-01-10T10:00:00Z',
      })
      .expect(200);
    await http()
      .patch(`/api/customers/${id}`)
      .set({ ...operator, 'If-Match': '1' })
      .send({ mobile: customer.mobile })
      .expect(409);
    await http()
      .get('/api/customers')
      .query({ q: customer.email })
      .set({ ...operator, 'X-Min-Position': String(contract.body.position) })
      .expect(200);
    await http().get(`/api/customers/${id}`).set(operator).expect(200);
    await http().get('/api/customers').set({ Authorization: 'Bearer not-a-key-00000' }).expect(401);

    // Rule 26: the portal password goes out by e-mail, the customer logs in with it.
    await http().post(`/api/customers/${id}/portal-password`).set(operator).expect(200);
    const mailDeadline = Date.now() + 30_000;
    while (smtp.to(customer.email).length === 0 && Date.now() < mailDeadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const [mail] = smtp.to(customer.email);
    const password = /\b([A-HJ-NP-Za-km-z2-9]{14})\b/.exec(mail?.mail.text ?? '')?.[1];
    expect(password).toBeDefined();
    await http().post('/api/portal/sessions').send({ email: customer.email, password }).expect(201);
    await http()
      .post('/api/portal/sessions')
      .send({ email: customer.email, password: `${password}x` })
      .expect(401);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const log = api.output;
    const lines = log.split('\n').filter(Boolean);
    expect(log).toContain('"url":"/api/customers"');
    expect(log).toContain('"url":"/api/portal/sessions"');
    expect(lines.length).toBeGreaterThan(10);
    const secrets = [...SECRETS, password!, `${password}x`];
    const leaked = secrets.filter((secret) => log.includes(secret));
    expect(leaked).toEqual([]);

    recordFigure('log-redaction', {
      guarantee:
        'No personal data, IBANs, API keys or portal passwords in the logs (at trace level)',
      test: 'test/reliability/log-redaction.rel-spec.ts',
      figure: `${lines.length} log lines of the real API process (commands, 409/422 refusals, search, reads, 401, a portal password sent by SMTP and two logins) scanned for ${secrets.length} secrets (names, document, e-mail, phones, street, 3 IBANs in both forms, keys, the portal password and a wrong one): 0 found`,
      storage: storageInUse(),
    });
  });
});
