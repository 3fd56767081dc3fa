import request from 'supertest';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };

let serial = 0;
/** A CIF with its control digit, different for each call (B + 7 digits + digit). */
function aCif(): string {
  const digits = String(1_000_000 + ((Date.now() + ++serial * 7919) % 8_999_999));
  const sum = [...digits].reduce((total, char, index) => {
    const digit = Number(char);
    if (index % 2 === 1) return total + digit;
    return total + Math.floor((digit * 2) / 10) + ((digit * 2) % 10);
  }, 0);
  return `B${digits}${(10 - (sum % 10)) % 10}`;
}
const aSeries = () => `E${Date.now().toString(36).toUpperCase()}${++serial}`;

const anIssuer = (overrides: Record<string, unknown> = {}) => ({
  legalName: 'Fibra Norte SL',
  nif: aCif(),
  address: { street: 'Calle Mayor 1', postalCode: '28001', city: 'Madrid', country: 'ES' },
  creditorId: 'ES11ZZZB12345674',
  creditorIban: 'ES91 2100 0418 4502 0005 1332',
  creditorBic: 'CAIXESBBXXX',
  returnedDebitFeeCents: 300,
  dunningPolicy: 'reminder:7,suspend:30',
  series: [aSeries()],
  ...overrides,
});

describe('issuers over HTTP (rule 21)', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());
  const register = (body: object) => http().post('/api/issuers').set(operator).send(body);
  /** Asserts the request wrote nothing, whatever it answered. */
  async function writesNothing(send: () => Promise<unknown>) {
    const before = await countEvents(testApp);
    await send();
    expect(await countEvents(testApp)).toBe(before);
  }

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('registers, lists, shows and edits an issuer; the NIF is checked and normalised', async () => {
    const body = anIssuer({ nif: aCif().replace(/^B/, 'b-') });
    const created = await register(body).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      version: 1,
      position: expect.any(Number),
    });
    const { id } = created.body;

    const edited = await http()
      .patch(`/api/issuers/${id}`)
      .set({ ...operator, 'If-Match': '1' })
      .send({ legalName: 'Fibra Norte SLU', address: { city: 'Getafe' }, nif: body.nif });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id, version: 2 });

    const read = { ...auditor, 'X-Min-Position': String(edited.body.position) };
    const shown = await http().get(`/api/issuers/${id}`).set(read).expect(200);
    expect(shown.body).toEqual({
      source: 'registered',
      id,
      legalName: 'Fibra Norte SLU',
      nif: body.nif.replace('b-', 'B'),
      address: {
        street: 'Calle Mayor 1',
        city: 'Getafe',
        neighbourhood: null,
        province: null,
        postalCode: '28001',
        country: 'ES',
      },
      creditorId: 'ES11ZZZB12345674',
      creditorIban: 'ES9121000418450200051332',
      creditorBic: 'CAIXESBBXXX',
      returnedDebitFeeCents: 300,
      dunningPolicy: 'reminder:7,suspend:30',
      series: body.series,
      version: 2,
      registeredAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const list = await http().get('/api/issuers').set(read).expect(200);
    expect(list.body.map((issuer: { id: string }) => issuer.id)).toContain(id);
  });

  it('answers a repeated Idempotency-Key with the first answer, writing once', async () => {
    const body = anIssuer();
    const key = { ...operator, 'Idempotency-Key': `issuer-${aSeries()}` };
    const first = await http().post('/api/issuers').set(key).send(body).expect(201);
    await writesNothing(async () => {
      const again = await http().post('/api/issuers').set(key).send(body).expect(201);
      expect(again.body).toEqual(first.body);
    });
  });

  it('refuses a NIF that does not check out, naming the field, and writes nothing', async () => {
    await writesNothing(async () => {
      const res = await register(anIssuer({ nif: 'B12345675' })).expect(422);
      expect(res.body.details).toEqual([
        expect.objectContaining({ code: 'R21.INVALID_INPUT', field: 'nif' }),
      ]);
    });
    await writesNothing(async () => {
      const res = await register(anIssuer({ nif: 12345678 })).expect(400);
      expect(JSON.stringify(res.body)).toMatch(/nif/);
    });
  });

  it('refuses a second issuer with the same NIF: 409 naming the holder, nothing written', async () => {
    const nif = aCif();
    const first = await register(anIssuer({ nif })).expect(201);
    await writesNothing(async () => {
      const res = await register(anIssuer({ nif })).expect(409);
      expect(res.body.details[0]).toMatchObject({ code: 'R21.NIF_TAKEN', field: 'nif' });
      expect(res.body.message).toContain(first.body.id);
    });
  });

  it('of 6 racing registrations of one NIF, exactly one wins', async () => {
    const nif = aCif();
    const before = await countEvents(testApp);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => register(anIssuer({ nif, series: [] }))),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    // The winner's registration and its NIF claim.
    expect((await countEvents(testApp)) - before).toBe(2);
  });

  it('refuses a series another issuer owns, on registering or editing, naming the series', async () => {
    const series = aSeries();
    const owner = await register(anIssuer({ series: [series] })).expect(201);
    await writesNothing(async () => {
      const res = await register(anIssuer({ series: [aSeries(), series] })).expect(409);
      expect(res.body.details[0]).toMatchObject({ code: 'R21.SERIES_TAKEN', field: 'series' });
      expect(res.body.message).toContain(series);
      expect(res.body.message).toContain(owner.body.id);
    });
    const other = await register(anIssuer()).expect(201);
    await writesNothing(() =>
      http()
        .patch(`/api/issuers/${other.body.id}`)
        .set(operator)
        .send({ series: [series] })
        .expect(409),
    );
    // Once its owner drops it, another issuer may take it.
    await http()
      .patch(`/api/issuers/${owner.body.id}`)
      .set(operator)
      .send({ series: [] })
      .expect(200);
    await http()
      .patch(`/api/issuers/${other.body.id}`)
      .set(operator)
      .send({ series: [series] })
      .expect(200);
  });

  it('refuses another NIF on an issuer (another legal entity): 422 R21.NIF_IMMUTABLE', async () => {
    const { body } = await register(anIssuer()).expect(201);
    await writesNothing(async () => {
      const res = await http()
        .patch(`/api/issuers/${body.id}`)
        .set(operator)
        .send({ nif: aCif() })
        .expect(422);
      expect(res.body.details[0]).toMatchObject({ code: 'R21.NIF_IMMUTABLE', field: 'nif' });
    });
  });

  it('refuses a stale If-Match with 409, writing nothing', async () => {
    const { body } = await register(anIssuer()).expect(201);
    await http().patch(`/api/issuers/${body.id}`).set(operator).send({ legalName: 'Uno SL' });
    await writesNothing(() =>
      http()
        .patch(`/api/issuers/${body.id}`)
        .set({ ...operator, 'If-Match': '1' })
        .send({ legalName: 'Dos SL' })
        .expect(409),
    );
  });

  it('refuses hostile input with 400 and writes nothing: NUL, huge numbers, bad types', async () => {
    const hostile = [
      anIssuer({ legalName: 'Fibra\u0000Norte' }),
      anIssuer({ returnedDebitFeeCents: 1e300 }),
      anIssuer({ returnedDebitFeeCents: 100_001 }),
      anIssuer({ returnedDebitFeeCents: 2.5 }),
      anIssuer({ series: ['F'.repeat(21)] }),
      anIssuer({ series: 'F2026' }),
      anIssuer({ address: 'Calle Mayor 1' }),
      anIssuer({ legalName: 'x'.repeat(201) }),
    ];
    for (const body of hostile)
      await writesNothing(async () => {
        const res = await register(body);
        expect([res.status, body]).toEqual([400, body]);
      });
    await writesNothing(() => register(anIssuer({ series: ['F 2026'] })).expect(422));
  });

  it('answers 404 for an unknown issuer, reading or editing', async () => {
    const unknown = '0c1d2e3f-0000-4000-8000-000000000000';
    await http().get(`/api/issuers/${unknown}`).set(auditor).expect(404);
    await writesNothing(async () => {
      const res = await http()
        .patch(`/api/issuers/${unknown}`)
        .set(operator)
        .send({ legalName: 'Nadie SL' })
        .expect(404);
      expect(res.body.details[0]).toMatchObject({ code: 'R21.ISSUER_NOT_FOUND' });
    });
  });
});

describe('GET /issuers while none is registered (rule 21)', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await startTestApp({
      ISSUER_LEGAL_NAME: 'Configurada SL',
      ISSUER_NIF: 'B76365782',
      RETURNED_DEBIT_FEE_CENTS: '250',
    });
  });
  afterAll(() => testApp.close());

  it('lists the configured issuer invoices use, marked as such, until one is registered', async () => {
    const configured = await http().get('/api/issuers').set(auditor).expect(200);
    expect(configured.body).toEqual([
      expect.objectContaining({
        source: 'configuration',
        id: 'default',
        legalName: 'Configurada SL',
        nif: 'B76365782',
        returnedDebitFeeCents: 250,
        series: [],
        version: null,
        registeredAt: null,
      }),
    ]);

    const body = anIssuer();
    const created = await http().post('/api/issuers').set(operator).send(body).expect(201);
    const read = { ...auditor, 'X-Min-Position': String(created.body.position) };
    const registered = await http().get('/api/issuers').set(read).expect(200);
    expect(registered.body).toEqual([
      expect.objectContaining({ source: 'registered', id: created.body.id, nif: body.nif }),
    ]);
  });
});
