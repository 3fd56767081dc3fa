import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { SqlDatabase } from '@app/database';
import { SQL_DATABASE } from '@app/application';
import { BillingFixtures } from './support/billing-fixtures';
import {
  countEvents,
  startTestApp,
  TEST_API_KEYS,
  TEST_DELEGATE_KEY,
  TestApp,
} from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };
const delegate = { Authorization: `Bearer ${TEST_DELEGATE_KEY}` };

/** What a ticket says of its customer: none of it may be readable once the customer is erased. */
const SECRETS = {
  subject: 'Lucía Olvidable sin conexión',
  description: 'Su móvil 611222333 no contesta',
  comment: 'Lucía dice que el vecino también',
};

describe('tickets over HTTP (rule 23)', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  const http = () => request(testApp.app.getHttpServer());
  /** Every write's position, for reading it back (`X-Min-Position`). */
  let last = 0;
  const track = (res: request.Response) => {
    if (typeof res.body?.position === 'number') last = Math.max(last, res.body.position);
    return res;
  };
  const read = () => ({ ...auditor, 'X-Min-Position': String(last) });
  const aTicket = (overrides: Record<string, unknown> = {}) => ({
    subject: 'No connection since Monday',
    description: 'The router shows a red light.',
    category: 'technical',
    priority: 'normal',
    ...overrides,
  });
  const open = async (
    customerId: string,
    body: object = aTicket(),
    headers: Record<string, string> = operator,
  ) => track(await http().post(`/api/customers/${customerId}/tickets`).set(headers).send(body));
  const step = async (
    ticketId: string,
    action: string,
    body?: object,
    headers: Record<string, string> = operator,
  ) => track(await http().post(`/api/tickets/${ticketId}/${action}`).set(headers).send(body));
  async function writesNothing(send: () => Promise<unknown>) {
    const before = await countEvents(testApp);
    await send();
    expect(await countEvents(testApp)).toBe(before);
  }
  const customer = async (name: string) => {
    const res = track(await http().post('/api/customers').set(operator).send({ name }).expect(201));
    return res.body.id as string;
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    given = new BillingFixtures(testApp);
  });
  afterAll(() => testApp.close());

  it('opens a ticket on a contract, assigns, comments, and moves it through every state; each step answers id, version, position and is a line on the history', async () => {
    const customerId = await customer('Tickets Felices SL');
    const contractId = await given.signedContract(customerId);
    const opened = await open(customerId, aTicket({ contractId, priority: 'high' }));
    expect(opened.status).toBe(201);
    expect(opened.body).toEqual({
      id: expect.any(String),
      version: 1,
      position: expect.any(Number),
    });
    const ticketId = opened.body.id;

    expect((await step(ticketId, 'assign', { assignee: 'marta' })).body).toMatchObject({
      id: ticketId,
      version: 2,
    });
    const commented = await step(
      ticketId,
      'comments',
      { text: 'Router replaced' },
      {
        ...delegate,
        'X-Actor': 'luis',
      },
    );
    expect(commented.status).toBe(201);
    expect(commented.body).toEqual({
      id: ticketId,
      version: 3,
      position: expect.any(Number),
      commentId: expect.any(String),
    });
    for (const [action, version] of [
      ['start', 4],
      ['resolve', 5],
      ['close', 6],
      ['reopen', 7],
    ] as const) {
      const res = await step(ticketId, action);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: ticketId, version });
    }

    const detail = await http().get(`/api/tickets/${ticketId}`).set(read()).expect(200);
    expect(detail.body).toEqual({
      id: ticketId,
      customerId,
      contractId,
      state: 'open',
      subject: 'No connection since Monday',
      description: 'The router shows a red light.',
      category: 'technical',
      priority: 'high',
      assignee: 'marta',
      comments: [
        {
          commentId: commented.body.commentId,
          author: 'luis',
          text: 'Router replaced',
          commentedAt: expect.any(String),
        },
      ],
      commentCount: 1,
      version: 7,
      openedAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    const history = await http()
      .get(`/api/customers/${customerId}/history`)
      .query({ pageSize: 100 })
      .set(read())
      .expect(200);
    const ticketLines = history.body.items
      .filter((line: { stream: string }) => line.stream === `ticket-${ticketId}`)
      .map((line: { summary: string }) => line.summary)
      .reverse();
    expect(ticketLines).toEqual([
      'Ticket opened: technical, high priority',
      'Ticket assigned to marta',
      'Ticket commented by luis',
      'Ticket started',
      'Ticket resolved',
      'Ticket closed',
      'Ticket reopened (was closed)',
    ]);
  });

  it("lists the customer's tickets newest first, open (not closed) or closed, and the queue oldest first with its filters, paged", async () => {
    const ana = await customer('Cola Ana SL');
    const bea = await customer('Cola Bea SL');
    const assignee = `queue-${randomUUID()}`;
    const first = (await open(ana, aTicket({ assignee, category: 'billing' }))).body.id;
    const second = (await open(bea, aTicket({ assignee, priority: 'urgent' }))).body.id;
    const third = (await open(ana, aTicket({ assignee }))).body.id;
    for (const action of ['start', 'resolve', 'close']) await step(third, action);
    const fourth = (await open(ana, aTicket({ assignee }))).body.id;
    for (const action of ['start', 'resolve']) await step(fourth, action);

    const ids = (res: request.Response) => res.body.items.map((item: { id: string }) => item.id);
    const tab = (query: object = {}) =>
      http().get(`/api/customers/${ana}/tickets`).query(query).set(read()).expect(200);
    expect(ids(await tab())).toEqual([fourth, third, first]);
    expect(ids(await tab({ state: 'open' }))).toEqual([fourth, first]);
    expect(ids(await tab({ state: 'closed' }))).toEqual([third]);
    const page = await tab({ pageSize: 1, page: 2 });
    expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 1, items: [{ id: third }] });
    expect(page.body.items[0]).not.toHaveProperty('description');
    expect(page.body.items[0]).toMatchObject({ state: 'closed', commentCount: 0 });

    const queue = (query: object) =>
      http()
        .get('/api/tickets')
        .query({ assignee, ...query })
        .set(read())
        .expect(200);
    expect(ids(await queue({}))).toEqual([first, second, third, fourth]);
    expect(ids(await queue({ state: 'open' }))).toEqual([first, second]);
    expect(ids(await queue({ state: 'resolved' }))).toEqual([fourth]);
    expect(ids(await queue({ priority: 'urgent' }))).toEqual([second]);
    expect(ids(await queue({ category: 'billing' }))).toEqual([first]);
    expect((await queue({ pageSize: 2, page: 2 })).body).toMatchObject({ total: 4 });
    expect(ids(await queue({ pageSize: 2, page: 2 }))).toEqual([third, fourth]);

    await http().get('/api/tickets').query({ state: 'lost' }).set(auditor).expect(400);
    await http()
      .get(`/api/customers/${ana}/tickets`)
      .query({ state: 'resolved' })
      .set(auditor)
      .expect(400);
  });

  it('answers 404 for an unknown customer or ticket, and 422 with a rule code for an illegal step or a contract of another customer', async () => {
    await writesNothing(async () => {
      const res = await open(randomUUID());
      expect(res.status).toBe(404);
      expect(res.body.details[0]).toMatchObject({ code: 'CUSTOMER.NOT_FOUND' });
    });
    await http().get(`/api/customers/${randomUUID()}/tickets`).set(auditor).expect(404);
    await http().get(`/api/tickets/${randomUUID()}`).set(auditor).expect(404);
    for (const action of ['start', 'resolve', 'close', 'reopen']) {
      const res = await step(randomUUID(), action);
      expect(res.status).toBe(404);
      expect(res.body.details[0]).toMatchObject({ code: 'R23.TICKET_NOT_FOUND' });
    }

    const owner = await customer('Dueña SL');
    const other = await customer('Otra SL');
    const othersContract = await given.signedContract(other);
    await writesNothing(async () => {
      const res = await open(owner, aTicket({ contractId: othersContract }));
      expect(res.status).toBe(422);
      expect(res.body.details).toEqual([
        expect.objectContaining({ code: 'R23.CONTRACT_NOT_THE_CUSTOMERS', field: 'contractId' }),
      ]);
    });
    const ticketId = (await open(owner)).body.id;
    await writesNothing(async () => {
      for (const action of ['resolve', 'close', 'reopen']) {
        const res = await step(ticketId, action);
        expect(res.status).toBe(422);
        expect(res.body.details[0]).toMatchObject({ code: 'R23.ILLEGAL_TRANSITION' });
      }
    });
  });

  it('refuses a stale If-Match with 409, writing nothing, and answers a repeated Idempotency-Key once', async () => {
    const customerId = await customer('Versionada SL');
    const ticketId = (await open(customerId)).body.id;
    await step(ticketId, 'assign', { assignee: 'marta' });
    await writesNothing(async () => {
      const res = await step(ticketId, 'start', undefined, {
        ...operator,
        'If-Match': '1',
      });
      expect(res.status).toBe(409);
    });
    expect(
      (await step(ticketId, 'start', undefined, { ...operator, 'If-Match': '2' })).status,
    ).toBe(200);

    const key = { ...operator, 'Idempotency-Key': `ticket-${randomUUID()}` };
    const first = await open(customerId, aTicket(), key);
    expect(first.status).toBe(201);
    await writesNothing(async () => {
      const again = await open(customerId, aTicket(), key);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
    });
  });

  it('refuses hostile input with 400, writing nothing: NUL, huge strings, bad enums, bad ids', async () => {
    const customerId = await customer('Hostil SL');
    const ticketId = (await open(customerId)).body.id;
    const hostile: [string, object][] = [
      ['subject', aTicket({ subject: 'bad\u0000subject' })],
      ['subject', aTicket({ subject: 'x'.repeat(201) })],
      ['description', aTicket({ description: 'x'.repeat(10_001) })],
      ['category', aTicket({ category: 'gossip' })],
      ['priority', aTicket({ priority: 'whenever' })],
      ['contractId', aTicket({ contractId: 'not-a-uuid' })],
      ['subject', aTicket({ subject: 42 })],
    ];
    await writesNothing(async () => {
      for (const [field, body] of hostile) {
        const res = await open(customerId, body);
        expect(res.status).toBe(400);
        expect(JSON.stringify(res.body)).toContain(field);
      }
      expect((await step(ticketId, 'comments', { text: 'a\u0000b' })).status).toBe(400);
      expect((await step(ticketId, 'comments', { text: 'x'.repeat(10_001) })).status).toBe(400);
      expect((await step(ticketId, 'assign', { assignee: ['marta'] })).status).toBe(400);
      expect((await step('not-a-uuid', 'start')).status).toBe(400);
      expect((await open('not-a-uuid')).status).toBe(400);
    });
  });

  it("leaves no clear text of a ticket once its customer's personal data is erased: log, row, detail, lists and history", async () => {
    const customerId = await customer('Lucía Olvidable');
    const ticketId = (
      await open(
        customerId,
        aTicket({ subject: SECRETS.subject, description: SECRETS.description }),
      )
    ).body.id;
    await step(ticketId, 'comments', { text: SECRETS.comment });
    const database = testApp.app.get<SqlDatabase>(SQL_DATABASE);
    const raw = async () =>
      JSON.stringify(
        (
          await database.query('SELECT data FROM es_events WHERE stream_id = $1', [
            `ticket-${ticketId}`,
          ])
        ).rows,
      );
    for (const secret of Object.values(SECRETS)) expect(await raw()).not.toContain(secret);
    const before = await http().get(`/api/tickets/${ticketId}`).set(read()).expect(200);
    expect(before.body).toMatchObject({ subject: SECRETS.subject });

    track(
      await http()
        .post(`/api/customers/${customerId}/erase-personal-data`)
        .set(operator)
        .expect(200),
    );
    const shown = [
      await http().get(`/api/tickets/${ticketId}`).set(read()).expect(200),
      await http().get(`/api/customers/${customerId}/tickets`).set(read()).expect(200),
      await http().get('/api/tickets').query({ pageSize: 100 }).set(read()).expect(200),
      await http().get(`/api/customers/${customerId}/history`).set(read()).expect(200),
    ];
    const text = JSON.stringify(shown.map((res) => res.body));
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect(shown[0].body).toMatchObject({
      subject: '[erased]',
      description: '[erased]',
      comments: [{ text: '[erased]' }],
    });
    const audit = await http()
      .get('/api/audit/events')
      .query({ stream: `ticket-${ticketId}` })
      .set(auditor)
      .expect(200);
    for (const secret of Object.values(SECRETS))
      expect(JSON.stringify(audit.body)).not.toContain(secret);
    await writesNothing(async () => {
      const refused = await open(customerId);
      expect(refused.status).toBe(422);
      expect(refused.body.details[0]).toMatchObject({ code: 'CUSTOMER.ERASED' });
    });
  });
});
