import request from 'supertest';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';
import { recordE2eFigure } from './support/e2e-figures';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };

let serial = 0;
const uniqueEmail = () => `unique${++serial}.${Date.now()}@example.com`;
/** A DNI with its check letter, different for each call. */
const aDni = () => {
  const digits = 10_000_000 + ((Date.now() + ++serial * 7919) % 89_999_999);
  return { type: 'dni', number: `${digits}${'TRWAGMYFPDXBNJZSQVHLCKE'[digits % 23]}` };
};
const aCustomer = (overrides: Record<string, unknown> = {}) => ({
  personType: 'legal',
  name: 'Fibra Norte SL',
  email: uniqueEmail(),
  ...overrides,
});

describe('unique e-mails and documents (rules R2, R3): a refused command writes nothing', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());
  const register = (body: object) => http().post('/api/customers').set(operator).send(body);

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('a registration refused for a taken document leaves the log as it was (no claim of its free e-mail)', async () => {
    const document = aDni();
    await register(aCustomer({ document })).expect(201);
    const before = await countEvents(testApp);

    const refused = await register(aCustomer({ document })).expect(409);

    expect(refused.body.details.map((d: { code: string }) => d.code)).toContain('R3');
    expect(await countEvents(testApp)).toBe(before);
  });

  it('a registration refused for a taken e-mail, or by a domain rule, writes nothing', async () => {
    const email = uniqueEmail();
    await register(aCustomer({ email })).expect(201);
    const before = await countEvents(testApp);

    await register(aCustomer({ email, document: aDni() })).expect(409);
    await register(aCustomer({ document: { type: 'dni', number: '12345678A' } })).expect(422);

    expect(await countEvents(testApp)).toBe(before);
  });

  it('an e-mail change to a taken e-mail writes nothing; a free one moves the claim', async () => {
    const taken = uniqueEmail();
    await register(aCustomer({ email: taken })).expect(201);
    const mine = await register(aCustomer()).expect(201);
    const before = await countEvents(testApp);
    await http()
      .patch(`/api/customers/${mine.body.id}`)
      .set(operator)
      .send({ email: taken })
      .expect(409);
    expect(await countEvents(testApp)).toBe(before);

    const free = uniqueEmail();
    await http()
      .patch(`/api/customers/${mine.body.id}`)
      .set(operator)
      .send({ email: free })
      .expect(200);
    // The change, the new value's claim and the old one's release: one append.
    expect(await countEvents(testApp)).toBe(before + 3);
    await register(aCustomer({ email: free })).expect(409);
  });

  it('of 8 racing registrations of one document, one wins and the 7 losers write nothing', async () => {
    const document = aDni();
    const before = await countEvents(testApp);

    const answers = await Promise.all(
      Array.from({ length: 8 }, () => register(aCustomer({ document }))),
    );

    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    // The winner's CustomerRegistered and its two claims (e-mail and document), nothing else.
    const written = (await countEvents(testApp)) - before;
    expect(written).toBe(3);
    recordE2eFigure(
      'refused-registrations',
      'test/customer-uniqueness.e2e-spec.ts',
      "A refused command writes nothing, uniqueness claims included: the e-mail and document are checked before anything is written, then claimed in the one transaction of the customer's events (issue 16)",
      `8 racing registrations of one document: ${statuses.filter((s) => s === 201).length} × 201, ${statuses.filter((s) => s === 409).length} × 409, ${written} events written (the winner's registration and its 2 claims); registrations refused for a taken document, a taken e-mail or a domain rule leave the log's event count unchanged`,
    );
  });
});
