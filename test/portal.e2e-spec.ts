import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { SqlDatabase } from '@app/database';
import { customerStream } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import {
  PORTAL_PASSWORD_DELIVERY,
  PORTAL_TOKENS,
  PortalPasswordDelivery,
  PortalPasswordDeliveryRequest,
  PortalTokens,
  SQL_DATABASE,
} from '@app/application';
import { BillingFixtures, operator, recentMonths } from './support/billing-fixtures';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';

const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * The sends as the portal sees them: every password handed over, in order, with whether its
 * event was already in the log when it was (it must not be: the hold comes first).
 */
class RecordingDelivery implements PortalPasswordDelivery {
  readonly held: PortalPasswordDeliveryRequest[] = [];
  readonly eventLoggedBeforeHold: boolean[] = [];
  store?: EventStore;
  async hold(request: PortalPasswordDeliveryRequest): Promise<void> {
    const events = await this.store!.readStream(customerStream(request.customerId));
    this.eventLoggedBeforeHold.push(
      events.some(
        (event) =>
          event.type === 'PortalPasswordRegenerated' &&
          (event.data as { regenerationId: string }).regenerationId === request.regenerationId,
      ),
    );
    this.held.push(request);
  }
}

describe('Customer portal access (rule 26)', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  const delivery = new RecordingDelivery();
  const http = () => request(testApp.app.getHttpServer());
  beforeAll(async () => {
    testApp = await startTestApp({}, (builder) =>
      builder.overrideProvider(PORTAL_PASSWORD_DELIVERY).useValue(delivery),
    );
    delivery.store = testApp.app.get<EventStore>(EVENT_STORE);
    given = new BillingFixtures(testApp);
  });
  afterAll(() => testApp.close());

  /** A customer with a contact e-mail (unique to this run), billed in `series`. */
  async function customerWithEmail(series: string, email = `${randomUUID()}@example.com`) {
    const id = await given.customer(series, 'cash', `Portal ${series} SL`);
    await given.track(
      await http().patch(`/api/customers/${id}`).set(operator).send({ email }).expect(200),
    );
    return { id, email };
  }
  /** Regenerates the password: the answer, and the password the sends were handed. */
  async function regenerate(customerId: string) {
    const answer = await http()
      .post(`/api/customers/${customerId}/portal-password`)
      .set(operator)
      .expect(200);
    given.track(answer);
    const held = delivery.held[delivery.held.length - 1];
    expect(held).toEqual({
      customerId,
      regenerationId: answer.body.regenerationId,
      password: expect.stringMatching(/^[A-HJ-NP-Za-km-z2-9]{14}$/),
    });
    expect(delivery.eventLoggedBeforeHold[delivery.held.length - 1]).toBe(false);
    return { answer: answer.body, password: held.password };
  }
  const login = (email: string, password: string) =>
    http()
      .post('/api/portal/sessions')
      .set('X-Min-Position', String(given.last))
      .send({ email, password });
  const database = () => testApp.app.get<SqlDatabase>(SQL_DATABASE);
  const credentialsOf = async (customerId: string) =>
    (
      await database().query(
        'SELECT password_hash, regeneration_id FROM portal_credentials WHERE customer_id = $1',
        [customerId],
      )
    ).rows;

  it('keeps only the salted hash: the sends get the password, the log and the read models never', async () => {
    const { id, email } = await customerWithEmail('POA');
    const { answer, password } = await regenerate(id);
    expect(answer).toMatchObject({ id, version: expect.any(Number), position: expect.any(Number) });

    const session = await login(email, password).expect(201);
    expect(session.body).toEqual({
      token: expect.any(String),
      expiresAt: expect.any(String),
      customerId: id,
    });
    const [credentials] = await credentialsOf(id);
    const hash = credentials.password_hash as string;
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(credentials.regeneration_id).toBe(answer.regenerationId);

    const raw = await database().query(
      'SELECT event_type, data FROM es_events WHERE stream_id = $1',
      [`customer-${id}`],
    );
    expect(raw.rows.map((row) => row.event_type)).toContain('PortalPasswordRegenerated');
    const rawLog = JSON.stringify(raw.rows);
    expect(rawLog).not.toContain(password);
    expect(rawLog).not.toContain(hash);
    expect(rawLog).not.toContain(hash.split('$')[5]);
    const audited = await http()
      .get('/api/audit/events')
      .query({ stream: `customer-${id}` })
      .set(auditor)
      .expect(200);
    expect(JSON.stringify(audited.body)).not.toContain(password);
    expect(JSON.stringify(audited.body)).not.toContain(hash.split('$')[5]);
    expect(
      audited.body.items.find((e: { type: string }) => e.type === 'PortalPasswordRegenerated').data,
    ).toEqual({
      customerId: id,
      regenerationId: answer.regenerationId,
      passwordHash: '[secret, not shown]',
      regeneratedAt: expect.any(String),
    });
    const history = await http()
      .get(`/api/customers/${id}/history`)
      .set(given.readAfterWrites())
      .expect(200);
    expect(JSON.stringify(history.body)).toContain('Portal password regenerated');
    for (const table of ['customer_file', 'customer_history']) {
      const rows = JSON.stringify((await database().query(`SELECT * FROM ${table}`)).rows);
      expect(rows).not.toContain(password);
      expect(rows).not.toContain(hash);
    }
    expect(JSON.stringify(await credentialsOf(id))).not.toContain(password);
  });

  it("opens only the customer's own invoices and account, and no operator route", async () => {
    const [period] = recentMonths(1);
    const ana = await customerWithEmail('POB');
    const bea = await customerWithEmail('POC');
    for (const customerId of [ana.id, bea.id]) {
      const contractId = await given.signedContract(customerId, 'cash');
      await given.activeSubscription(contractId, customerId === ana.id ? 2500 : 4000);
    }
    const run = await given.post('/billing/runs', { period, customerIds: [ana.id, bea.id] }, 201);
    expect(run.body.issued).toHaveLength(2);
    const anaInvoice = (run.body.issued as { invoiceId: string; customerId: string }[]).find(
      (issued) => issued.customerId === ana.id,
    )!;
    const { password } = await regenerate(ana.id);
    const { token } = (await login(ana.email.toUpperCase(), password).expect(201)).body;
    const asAna = { ...bearer(token), 'X-Min-Position': String(given.last) };

    const invoices = await http().get('/api/portal/me/invoices').set(asAna).expect(200);
    expect(invoices.body).toMatchObject({ total: 1, page: 1 });
    expect(invoices.body.items.map((i: { id: string }) => i.id)).toEqual([anaInvoice.invoiceId]);
    expect(invoices.body.items[0]).toMatchObject({
      customerId: ana.id,
      totals: { totalCents: 3025 },
    });
    const account = await http().get('/api/portal/me/account').set(asAna).expect(200);
    expect(account.body).toMatchObject({
      customerId: ana.id,
      email: ana.email,
      displayName: 'Portal POB SL',
      account: { customerId: ana.id, unpaidInvoices: 1, unpaidBalanceCents: 3025 },
    });
    expect(account.body).not.toHaveProperty('observations');

    // Ana's token names Ana: changing the customer it names breaks its signature.
    const [payload, signature] = (token as string).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...claims, c: bea.id })).toString('base64url');
    await http()
      .get('/api/portal/me/invoices')
      .set(bearer(`${forged}.${signature}`))
      .expect(401);
    await http()
      .get('/api/portal/me/account')
      .set(bearer(`${forged}.${signature}`))
      .expect(401);

    // Operator keys do not open the portal; a portal token opens no operator route.
    await http().get('/api/portal/me/invoices').set(operator).expect(401);
    await http().get('/api/portal/me/account').expect(401);
    await http().get(`/api/customers/${ana.id}/invoices`).set(bearer(token)).expect(401);
    await http().post(`/api/customers/${ana.id}/portal-password`).set(bearer(token)).expect(401);
    await http().post(`/api/customers/${ana.id}/portal-password`).set(auditor).expect(403);
  });

  it('answers 401 alike for a wrong password and an unknown e-mail, and refuses an expired token', async () => {
    const { id, email } = await customerWithEmail('POD');
    const { answer } = await regenerate(id);
    // A login is not replayable: the idempotency store would keep the token and the body's digest.
    await login(email, 'NotThePassword1').set('Idempotency-Key', 'login-1').expect(400);
    const stored = await database().query('SELECT * FROM idempotency_keys WHERE key = $1', [
      'login-1',
    ]);
    expect(stored.rows).toEqual([]);
    const wrong = await login(email, 'NotThePassword1').expect(401);
    const unknown = await login(`${randomUUID()}@example.com`, 'NotThePassword1').expect(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.message).toBe('The e-mail or the password is wrong.');

    const tokens = testApp.app.get<PortalTokens>(PORTAL_TOKENS);
    const past = new Date(Date.now() - 3600_000);
    const expired = tokens.issue(id, answer.regenerationId, past).token;
    await http().get('/api/portal/me/invoices').set(bearer(expired)).expect(401);
    const fresh = tokens.issue(id, answer.regenerationId).token;
    await http().get('/api/portal/me/invoices').set(bearer(fresh)).expect(200);
  });

  it('voids the old password and its tokens when regenerated again', async () => {
    const { id, email } = await customerWithEmail('POE');
    const first = await regenerate(id);
    const { token } = (await login(email, first.password).expect(201)).body;
    await http().get('/api/portal/me/account').set(bearer(token)).expect(200);

    const second = await regenerate(id);
    expect(second.password).not.toBe(first.password);
    await login(email, first.password).expect(401);
    await http()
      .get('/api/portal/me/account')
      .set({ ...bearer(token), 'X-Min-Position': String(given.last) })
      .expect(401);
    const renewed = (await login(email, second.password).expect(201)).body.token;
    await http().get('/api/portal/me/account').set(bearer(renewed)).expect(200);
  });

  it('refuses an unknown customer (404) and one without e-mail (422), writing and sending nothing', async () => {
    const held = delivery.held.length;
    const before = await countEvents(testApp);
    const unknown = await http()
      .post(`/api/customers/${randomUUID()}/portal-password`)
      .set(operator)
      .expect(404);
    expect(unknown.body.details[0].code).toBe('CUSTOMER.NOT_FOUND');
    const withoutEmail = await given.customer('POF', 'cash', 'Sin Correo SL');
    const before422 = await countEvents(testApp);
    const refused = await http()
      .post(`/api/customers/${withoutEmail}/portal-password`)
      .set(operator)
      .expect(422);
    expect(refused.body.details[0].code).toBe('R26.NO_EMAIL');
    expect(await countEvents(testApp)).toBe(before422);
    expect(before422).toBeGreaterThan(before);
    expect(delivery.held).toHaveLength(held);
  });

  it('removes the credentials when the personal data is erased: no login, no token', async () => {
    const { id, email } = await customerWithEmail('POG');
    const { password } = await regenerate(id);
    const { token } = (await login(email, password).expect(201)).body;
    given.track(
      await http().post(`/api/customers/${id}/erase-personal-data`).set(operator).expect(200),
    );
    await http()
      .get('/api/portal/me/invoices')
      .set({ ...bearer(token), 'X-Min-Position': String(given.last) })
      .expect(401);
    expect(await credentialsOf(id)).toEqual([]);
    await login(email, password).expect(401);
  });

  // Last: it leaves this client address throttled.
  it('throttles 5 failures per e-mail (even the right password, then), 20 per address, with Retry-After', async () => {
    const { id, email } = await customerWithEmail('POH');
    const { password } = await regenerate(id);
    for (let i = 0; i < 5; i++) await login(email, `Wrong${i}Password`).expect(401);
    const throttled = await login(email, password).expect(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(800);
    expect(Number(throttled.headers['retry-after'])).toBeLessThanOrEqual(900);

    let status = 401;
    for (let i = 0; status === 401 && i < 25; i++)
      status = (await login(`${randomUUID()}@example.com`, 'Wrong')).status;
    expect(status).toBe(429);
    await login(email.replace('@', '+other@'), 'Wrong').expect(429);
  });
});
