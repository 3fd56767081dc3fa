import { EVENT_STORE, EventStore } from '@app/event-store';
import request from 'supertest';
import { recordFigure, storageInUse } from './support/reliability-figures';
import { startTestApp, TEST_API_KEYS, TestApp } from '../support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const WRITERS = 50;
const REGISTRATIONS = 20;

interface EditAnswer {
  writer: number;
  ifMatch: number | undefined;
  status: number;
  version?: number;
}

describe(`concurrent writers on ${storageInUse()}`, () => {
  let testApp: TestApp;
  let store: EventStore;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await startTestApp();
    store = testApp.app.get(EVENT_STORE);
  });
  afterAll(() => testApp.close());

  it(`${WRITERS} concurrent edits of one customer: each applies or gets 409, the stream holds exactly the accepted ones`, async () => {
    const created = await http()
      .post('/api/customers')
      .set(operator)
      .send({ name: 'Concurrencia SL', email: `race.${Date.now()}@example.com` })
      .expect(201);
    const id: string = created.body.id;

    // Half the writers send If-Match with a version between 1 and 5, half send none.
    const answers: EditAnswer[] = await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        const ifMatch = writer % 2 === 0 ? 1 + ((writer / 2) % 5) : undefined;
        const res = await http()
          .patch(`/api/customers/${id}`)
          .set(ifMatch === undefined ? operator : { ...operator, 'If-Match': String(ifMatch) })
          .send({ observations: `writer ${writer}` });
        return { writer, ifMatch, status: res.status, version: res.body.version };
      }),
    );

    for (const answer of answers) expect([200, 409]).toContain(answer.status);
    const accepted = answers.filter((answer) => answer.status === 200);
    expect(accepted.length).toBeGreaterThan(0);
    for (const answer of accepted.filter((a) => a.ifMatch !== undefined))
      expect(answer.version).toBe(answer.ifMatch! + 1);

    const stream = await store.readStream(`customer-${id}`);
    expect(stream).toHaveLength(1 + accepted.length);
    expect(new Set(accepted.map((answer) => answer.version)).size).toBe(accepted.length);
    for (const answer of accepted) {
      const event = stream[answer.version! - 1];
      expect(event.type).toBe('CustomerDetailsEdited');
      expect(JSON.stringify(event.data)).toContain(`"writer ${answer.writer}"`);
    }

    const refused = answers.length - accepted.length;
    recordFigure('concurrent-edits', {
      guarantee:
        'Concurrent commands on one aggregate: each applies or gets 409 (never 5xx); the stream holds exactly the accepted events',
      test: 'test/reliability/concurrency.rel-spec.ts',
      figure: `${WRITERS} concurrent writers (half with If-Match): ${accepted.length} applied, ${refused} × 409, stream = 1 + ${accepted.length} events, each matched to its answer`,
      storage: storageInUse(),
    });
  });

  it(`${REGISTRATIONS} concurrent registrations with one e-mail: exactly one wins`, async () => {
    const email = `one.winner.${Date.now()}@example.com`;
    const answers = await Promise.all(
      Array.from({ length: REGISTRATIONS }, (_, n) =>
        http()
          .post('/api/customers')
          .set(operator)
          .send({ name: `Aspirante ${n}`, email: n % 2 ? email : email.toUpperCase() }),
      ),
    );

    const statuses = answers.map((res) => res.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(REGISTRATIONS - 1).fill(409)]);
    const winner = answers.find((res) => res.status === 201)!;
    // On PostgreSQL the log shows an event once every older transaction has ended: wait for it.
    const deadline = Date.now() + 10_000;
    while (
      ((await store.headPosition()) ?? 0n) < BigInt(winner.body.position) &&
      Date.now() < deadline
    )
      await new Promise((resolve) => setTimeout(resolve, 20));
    const registered = (
      await store.readAll({ eventTypes: ['CustomerRegistered'], limit: 100_000 })
    ).filter((event) => JSON.stringify(event.data).toLowerCase().includes(email));
    expect(registered.map((event) => event.stream)).toEqual([`customer-${winner.body.id}`]);

    recordFigure('concurrent-registrations', {
      guarantee: 'Unique main e-mail under concurrent registrations (R2): one winner',
      test: 'test/reliability/concurrency.rel-spec.ts',
      figure: `${REGISTRATIONS} concurrent registrations with one e-mail (mixed case): 1 × 201, ${REGISTRATIONS - 1} × 409, 1 CustomerRegistered`,
      storage: storageInUse(),
    });
  });
});
