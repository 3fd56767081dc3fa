import { PostgresDatabase } from '@app/database';
import { LocalSmtpServer } from '../../libs/application/src/sends/testing/local-smtp-server';
import { BillingFixtures, operator, recentMonths } from '../support/billing-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { AppProcess } from './support/app-process';
import { startKillableApi } from './support/killable-api';
import { listenPortForChildProcess } from '../support/listen-port';

const databaseUrl = process.env.DATABASE_URL;
const [CURRENT] = recentMonths(1);
const CUSTOMERS = Number(process.env.SENDS_CRASH_CUSTOMERS ?? 8);
/** The API is killed as the SMTP server receives these messages (counted from the start). */
const KILL_AT_MAILS = [2, 7, 13];
const ISSUER = { ISSUER_LEGAL_NAME: 'Fibra Norte SL', ISSUER_NIF: 'B76365782' };

if (!databaseUrl)
  console.warn(
    'sends crash suite skipped: it needs PostgreSQL (set DATABASE_URL); PGlite is one process',
  );
const describeOnPostgres = databaseUrl ? describe : describe.skip;

/*
 * Rule 25 under SIGKILL: the API is killed while the SMTP server holds a message it was sending
 * (claimed on its stream, handed to the server, not yet recorded as sent). Started again, the
 * API finds the message's lease run out and sends it again: every queued message reaches the
 * server at least once, and each ends `sent`; none is lost, none queued twice.
 */
describeOnPostgres('the API killed with SIGKILL between sending a message and recording it', () => {
  let testApp: TestApp;
  let database: PostgresDatabase;
  let smtp: LocalSmtpServer;
  let api: AppProcess | undefined;
  let port = 0;

  beforeAll(async () => {
    port = await listenPortForChildProcess();
    smtp = await LocalSmtpServer.start();
    // The in-process app seeds the customers and keeps the read models up to date; the sends
    // run in a real API process (no projections of its own) that can be killed.
    testApp = await startTestApp(ISSUER);
    database = await PostgresDatabase.open({
      connectionString: databaseUrl!,
      schema: testApp.config.DATABASE_SCHEMA,
    });
  }, 60_000);
  afterAll(async () => {
    await api?.kill();
    await database?.close();
    await testApp?.close();
    await smtp?.close();
  });

  async function startApi(): Promise<AppProcess> {
    return startKillableApi(testApp, port, {
      SMTP_URL: smtp.url,
      SENDS_INTERVAL_MS: '50',
      SENDS_LEASE_MS: '1500',
      SENDS_RETRY_INITIAL_MS: '50',
      SENDS_RETRY_MAX_MS: '200',
      ...ISSUER,
    });
  }

  const logged = async (type: string) =>
    (
      await database.query<{
        stream_id: string;
        data: { messageId: string; idempotencyKey?: string };
      }>('SELECT stream_id, data FROM es_events WHERE event_type = $1', [type])
    ).rows.map((row) => row.data);

  it('every queued message reaches the SMTP server at least once; none is lost, none queued twice', async () => {
    const given = new BillingFixtures(testApp);
    const customerIds: string[] = [];
    for (let n = 0; n < CUSTOMERS; n += 1) {
      const { customerId } = await given.billedContract('SENDKILL');
      await given.track(
        await given
          .http()
          .patch(`/api/customers/${customerId}`)
          .set(operator)
          .send({ email: `cliente${n}@example.com` })
          .expect(200),
      );
      await given.track(
        await given
          .http()
          .put(`/api/customers/${customerId}/billing-settings`)
          .set(operator)
          .send({ sendInvoiceEmail: true, notifyEmails: [`avisos${n}@example.com`] })
          .expect(200),
      );
      customerIds.push(customerId);
    }
    const run = await given.post('/billing/runs', { period: CURRENT, customerIds }, 201);
    expect(run.body.issued).toHaveLength(CUSTOMERS);
    const expected = CUSTOMERS * 2;

    const kills: number[] = [];
    let killing: Promise<void> | null = null;
    smtp.onReceived = async () => {
      if (!KILL_AT_MAILS.includes(smtp.received.length) || api === undefined) return;
      kills.push(smtp.received.length);
      // Killed before the server answers: the API can never record this message as sent.
      killing = api.kill();
      await killing;
    };
    api = await startApi();
    for (;;) {
      const sent = new Set((await logged('MessageSent')).map((data) => data.messageId));
      if (sent.size === expected) break;
      if (killing !== null) {
        await killing;
        killing = null;
        api = await startApi();
      }
      if (!api.running && killing === null) throw new Error(`the API died\n${api.lastOutput}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    smtp.onReceived = null;

    const queued = await logged('MessageQueued');
    expect(queued).toHaveLength(expected);
    expect(new Set(queued.map((data) => data.idempotencyKey)).size).toBe(expected);
    const receivedIds = smtp.received.map((received) => received.mail.messageId);
    for (const { messageId } of queued)
      expect(receivedIds).toContain(`<${messageId}@sends.billing>`);
    expect(kills).toEqual(KILL_AT_MAILS);
    // Each message the server held when the API died was sent again: at least once more.
    const resent = receivedIds.filter((id, index) => receivedIds.indexOf(id) !== index);
    expect(resent.length).toBeGreaterThanOrEqual(KILL_AT_MAILS.length);
    expect(smtp.received.length).toBe(expected + resent.length);
  }, 600_000);
});
