import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import request from 'supertest';
import { EstimateAcceptance, EstimateAcceptanceRecovery } from '@app/application';
import { contractStream, dateInZone, estimateStream, subscriptionStream } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { BillingFixtures, nextMonth, SIGNATURE_IBAN, SIGNED_AT } from './support/billing-fixtures';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';
import { SqlDatabase } from '@app/database';
import { SQL_DATABASE } from '@app/application';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };

/** A day `days` from today in the tenant's zone, YYYY-MM-DD. */
const dayFromToday = (days: number) =>
  dateInZone(new Date(Date.now() + days * 86_400_000).toISOString());

/** The text pdfkit drew (standard fonts: hex strings in TJ arrays of deflated streams). */
function drawnText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const texts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const array of content.matchAll(/\[([^\]]*)\]\s*TJ/g))
      texts.push(
        [...array[1].matchAll(/<([0-9a-fA-F]*)>/g)]
          .map((hex) => Buffer.from(hex[1], 'hex').toString('latin1'))
          .join(''),
      );
  }
  return texts.join('\n');
}

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('estimates over HTTP (rule 29)', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  let store: EventStore;
  const http = () => request(testApp.app.getHttpServer());
  const track = <T extends request.Response>(res: T) => given.track(res);
  const read = () => ({ ...auditor, 'X-Min-Position': String(given.last) });
  const post = async (path: string, body?: object, headers: Record<string, string> = operator) =>
    track(await http().post(`/api${path}`).set(headers).send(body));
  const get = (path: string) => http().get(`/api${path}`).set(read());
  async function writesNothing(send: () => Promise<unknown>) {
    const before = await countEvents(testApp);
    await send();
    expect(await countEvents(testApp)).toBe(before);
  }
  const tariff = async (monthlyPriceCents = 3000) =>
    (
      await post('/catalogs/tariffs', {
        name: `Fibra ${randomUUID().slice(0, 8)}`,
        monthlyPriceCents,
        vatRatePercent: 21,
        billingMode: 'advance',
      })
    ).body.id as string;
  const create = (customerId: string, body: object) =>
    post(`/customers/${customerId}/estimates`, body);
  const aQuote = (tariffId: string, overrides: object = {}) => ({
    lines: [
      { tariffId, quantity: 2 },
      { description: 'Router installation', unitPriceCents: 4999 },
    ],
    validUntil: dayFromToday(30),
    notes: 'Installation within a week',
    ...overrides,
  });
  /** An estimate written straight into the log, as if made long ago (an expired one). */
  const seeded = async (customerId: string, validUntil: string) => {
    const estimateId = randomUUID();
    const created = {
      type: 'EstimateCreated',
      data: {
        estimateId,
        customerId,
        lines: [
          {
            kind: 'free',
            tariffId: null,
            description: 'Antenna',
            quantity: 1,
            unitPriceCents: 10000,
            billingMode: null,
            amountCents: 10000,
            vatRatePercent: 21,
            vatCents: 2100,
            totalCents: 12100,
          },
        ],
        totals: { netCents: 10000, vatCents: 2100, totalCents: 12100 },
        validUntil,
        notes: null,
        createdAt: '2026-01-05T10:00:00.000Z',
      },
    };
    const { position } = await store.append(estimateStream(estimateId), [created]);
    given.last = Math.max(given.last, Number(position));
    return estimateId;
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    given = new BillingFixtures(testApp);
    store = testApp.app.get(EVENT_STORE);
  });
  afterAll(() => testApp.close());

  it('quotes catalog and free lines priced like an invoice, lists it, shows it, and gives it a history line', async () => {
    const customerId = await given.customer('PRE');
    const tariffId = await tariff(3000);
    const created = await create(customerId, aQuote(tariffId));
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      version: 1,
      position: expect.any(Number),
    });
    const estimateId = created.body.id;

    const shown = await get(`/estimates/${estimateId}`).expect(200);
    expect(shown.body).toMatchObject({
      id: estimateId,
      customerId,
      status: 'outstanding',
      lineCount: 2,
      // 2 × 30.00 € + 49.99 €; VAT 21 % rounded on each line: 12.60 € + 10.50 €
      netCents: 10999,
      vatCents: 2310,
      totalCents: 13309,
      notes: 'Installation within a week',
      fulfilled: false,
    });
    expect(shown.body.lines).toEqual([
      expect.objectContaining({
        kind: 'tariff',
        tariffId,
        quantity: 2,
        unitPriceCents: 3000,
        amountCents: 6000,
        vatCents: 1260,
        totalCents: 7260,
        billingMode: 'advance',
      }),
      expect.objectContaining({
        kind: 'free',
        tariffId: null,
        description: 'Router installation',
        quantity: 1,
        unitPriceCents: 4999,
        amountCents: 4999,
        vatRatePercent: 21,
        vatCents: 1050,
        totalCents: 6049,
      }),
    ]);
    expect(shown.body.lines[0].description).toMatch(/^Fibra /);

    const list = await get(`/customers/${customerId}/estimates`).expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(list.body.items[0]).toMatchObject({ id: estimateId, status: 'outstanding' });
    expect(list.body.items[0].lines).toBeUndefined();

    const history = await get(`/customers/${customerId}/history?pageSize=100`).expect(200);
    const lines = history.body.items
      .filter((line: { stream: string }) => line.stream === `estimate-${estimateId}`)
      .map((line: { summary: string }) => line.summary);
    expect(lines).toEqual([`Estimate created: 133.09 EUR, valid until ${dayFromToday(30)}`]);
  });

  it('rejects one with its reason; a rejected estimate cannot be accepted (422, writing nothing)', async () => {
    const customerId = await given.customer('PRE');
    const estimateId = (await create(customerId, aQuote(await tariff()))).body.id;
    const rejected = await post(`/estimates/${estimateId}/reject`, { reason: 'Too dear' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ id: estimateId, version: 2 });
    expect((await get(`/estimates/${estimateId}`).expect(200)).body).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Too dear',
    });
    await writesNothing(async () => {
      const res = await post(`/estimates/${estimateId}/accept`, {});
      expect(res.status).toBe(422);
      expect(res.body.details[0].code ?? res.body.message).toBeDefined();
      expect(JSON.stringify(res.body)).toContain('R29.ALREADY_ANSWERED');
      const again = await post(`/estimates/${estimateId}/reject`, {});
      expect(again.status).toBe(422);
    });
  });

  it('accepting drafts the contract and requests a subscription per tariff unit at the quoted price, which a billing simulation then charges', async () => {
    const customerId = await given.customer('PRE');
    const tariffId = await tariff(3000);
    const estimateId = (await create(customerId, aQuote(tariffId))).body.id;
    // The catalog's price changes after the quote: the estimate's price holds.
    await http()
      .patch(`/api/catalogs/tariffs/${tariffId}`)
      .set(operator)
      .send({ monthlyPriceCents: 3900 })
      .expect(200);

    const accepted = await post(`/estimates/${estimateId}/accept`, {});
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({
      id: estimateId,
      version: 3,
      position: expect.any(Number),
      contractId: expect.any(String),
      subscriptionIds: [expect.any(String), expect.any(String)],
    });
    const { contractId, subscriptionIds } = accepted.body;

    const contract = await get(`/contracts/${contractId}`).expect(200);
    expect(contract.body).toMatchObject({
      customerId,
      status: 'draft',
      paymentMethod: 'direct_debit',
    });
    for (const subscriptionId of subscriptionIds) {
      const subscription = await get(`/subscriptions/${subscriptionId}`).expect(200);
      expect(subscription.body).toMatchObject({
        contractId,
        status: 'pending-activation',
        monthlyPriceCents: 3000,
        billingMode: 'advance',
      });
    }
    expect((await get(`/estimates/${estimateId}`).expect(200)).body).toMatchObject({
      status: 'accepted',
      contractId,
      subscriptionIds,
      fulfilled: true,
    });

    // Installed: the contract signed, the subscriptions activated; then the simulation.
    await given.post(
      `/contracts/${contractId}/sign`,
      { iban: SIGNATURE_IBAN, signatory: 'Ana', mandateReference: 'M-EST-1', signedAt: SIGNED_AT },
      200,
    );
    for (const subscriptionId of subscriptionIds)
      await given.post(
        `/subscriptions/${subscriptionId}/activate`,
        { activatedAt: dayFromToday(0) },
        200,
      );
    const simulation = await http()
      .post('/api/billing/simulations')
      .set(given.readAfterWrites())
      .send({ cycles: 1, customerIds: [customerId], from: `${nextMonth()}-01` })
      .expect(200);
    const [simulated] = simulation.body.contracts;
    expect(simulated.contractId).toBe(contractId);
    const cycle = simulated.cycles.find((c: { status: string }) => c.status === 'previewed');
    const tariffLines = cycle.invoice.lines.filter(
      (line: { kind: string }) => line.kind === 'tariff',
    );
    expect(
      tariffLines.map((line: { subscriptionId: string }) => line.subscriptionId).sort(),
    ).toEqual([...subscriptionIds].sort());
    for (const line of tariffLines)
      expect(line).toMatchObject({ unitPriceCents: 3000, amountCents: 3000, vatCents: 630 });

    // Accepting again is refused and writes nothing.
    await writesNothing(async () => {
      const again = await post(`/estimates/${estimateId}/accept`, {});
      expect(again.status).toBe(422);
      expect(JSON.stringify(again.body)).toContain('R29.ALREADY_ANSWERED');
    });

    const history = await get(`/customers/${customerId}/history?pageSize=100`).expect(200);
    const lines = history.body.items
      .filter((line: { stream: string }) => line.stream === `estimate-${estimateId}`)
      .map((line: { summary: string }) => line.summary)
      .reverse();
    expect(lines).toEqual([
      expect.stringMatching(/^Estimate created: /),
      `Estimate accepted: contract ${contractId} with 2 subscription(s)`,
      'Estimate fulfilled: contract drafted, 2 subscription(s) requested',
    ]);
  });

  it('concurrent accepts of one estimate write its contract, subscriptions and acceptance once', async () => {
    const customerId = await given.customer('PRE');
    const tariffId = await tariff(2000);
    const estimateId = (await create(customerId, aQuote(tariffId))).body.id;
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        http().post(`/api/estimates/${estimateId}/accept`).set(operator).send({}),
      ),
    );
    const statuses = answers.map((res) => res.status);
    expect(statuses).toContain(200);
    expect(statuses.every((status) => status === 200 || status === 422)).toBe(true);
    const ok = answers.filter((res) => res.status === 200).map((res) => res.body);
    for (const body of ok) {
      track({ body } as request.Response);
      expect(body).toMatchObject({
        contractId: ok[0].contractId,
        subscriptionIds: ok[0].subscriptionIds,
      });
    }
    const { contractId, subscriptionIds } = ok[0];
    const typesOf = async (stream: string) =>
      (await store.readStream(stream)).map((event) => event.type);
    expect(await typesOf(estimateStream(estimateId))).toEqual([
      'EstimateCreated',
      'EstimateAccepted',
      'EstimateFulfilled',
    ]);
    expect(await typesOf(contractStream(contractId))).toEqual(['ContractDrafted']);
    for (const subscriptionId of subscriptionIds)
      expect(await typesOf(subscriptionStream(subscriptionId))).toEqual(['SubscriptionRequested']);
  });

  it('an estimate past its validUntil reads as expired and cannot be accepted (422, writing nothing)', async () => {
    const customerId = await given.customer('PRE');
    const estimateId = await seeded(customerId, '2026-01-31');
    expect((await get(`/estimates/${estimateId}`).expect(200)).body.status).toBe('expired');
    await writesNothing(async () => {
      const res = await post(`/estimates/${estimateId}/accept`, {});
      expect(res.status).toBe(422);
      expect(JSON.stringify(res.body)).toContain('R29.EXPIRED');
      expect((await post(`/estimates/${estimateId}/reject`, {})).status).toBe(422);
    });
    const expired = await get(`/customers/${customerId}/estimates?status=expired`).expect(200);
    expect(expired.body.items.map((item: { id: string }) => item.id)).toEqual([estimateId]);
  });

  it('an acceptance cut short by a crash is finished by a repeated accept, or at start-up, never twice', async () => {
    const customerId = await given.customer('PRE');
    const tariffId = await tariff(2700);
    const halfDone = (await create(customerId, aQuote(tariffId, { lines: [{ tariffId }] }))).body
      .id;
    const acceptedEvent = {
      type: 'EstimateAccepted',
      data: {
        estimateId: halfDone,
        customerId,
        contractId: randomUUID(),
        paymentMethod: 'transfer',
        subscriptions: [
          {
            subscriptionId: randomUUID(),
            line: 0,
            tariffId,
            tariff: 'Fibra',
            monthlyPriceCents: 2700,
            billingMode: 'advance',
          },
        ],
        acceptedAt: new Date().toISOString(),
      },
    };
    await store.append(estimateStream(halfDone), [acceptedEvent]);
    const { contractId, subscriptions } = acceptedEvent.data;

    // A repeated accept finishes it (200) with the ids the event fixed.
    const retried = await post(`/estimates/${halfDone}/accept`, {});
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({
      id: halfDone,
      contractId,
      subscriptionIds: [subscriptions[0].subscriptionId],
    });
    expect((await get(`/contracts/${contractId}`).expect(200)).body).toMatchObject({
      customerId,
      paymentMethod: 'transfer',
    });
    expect(
      (await get(`/subscriptions/${subscriptions[0].subscriptionId}`).expect(200)).body,
    ).toMatchObject({ monthlyPriceCents: 2700 });

    // Another cut short, finished by the start-up recovery; running it again writes nothing.
    const second = (await create(customerId, aQuote(tariffId, { lines: [{ tariffId }] }))).body.id;
    const secondEvent = {
      ...acceptedEvent,
      data: {
        ...acceptedEvent.data,
        estimateId: second,
        contractId: randomUUID(),
        subscriptions: [{ ...subscriptions[0], subscriptionId: randomUUID() }],
      },
    };
    await store.append(estimateStream(second), [secondEvent]);
    await testApp.app.get(EstimateAcceptanceRecovery).run();
    const secondState = await store.readStream(estimateStream(second));
    expect(secondState.map((event) => event.type)).toEqual([
      'EstimateCreated',
      'EstimateAccepted',
      'EstimateFulfilled',
    ]);
    await writesNothing(async () => {
      expect(await testApp.app.get(EstimateAcceptance).recover()).toEqual([]);
      await testApp.app.get(EstimateAcceptanceRecovery).run();
    });
    given.last = Math.max(given.last, Number(secondState.at(-1)!.position));
    expect(
      (await get(`/subscriptions/${secondEvent.data.subscriptions[0].subscriptionId}`).expect(200))
        .body,
    ).toMatchObject({ monthlyPriceCents: 2700, contractId: secondEvent.data.contractId });
  });

  it('shows the blocks: count and amount outstanding, accepted, rejected and expired', async () => {
    const customerId = await given.customer('PRE');
    const tariffId = await tariff(1000);
    const quote = aQuote(tariffId, { lines: [{ description: 'Cable', unitPriceCents: 1000 }] });
    const [a, b, c] = [
      (await create(customerId, quote)).body.id,
      (await create(customerId, quote)).body.id,
      (await create(customerId, quote)).body.id,
    ];
    await create(customerId, quote);
    await post(`/estimates/${a}/accept`, {});
    await post(`/estimates/${b}/reject`, {});
    expect(c).toBeDefined();
    await seeded(customerId, '2026-01-31');
    const summary = await get(`/customers/${customerId}/estimates/summary`).expect(200);
    expect(summary.body).toMatchObject({
      customerId,
      timeZone: 'Europe/Madrid',
      outstanding: { count: 2, amountCents: 2 * 1210 },
      accepted: { count: 1, amountCents: 1210 },
      rejected: { count: 1, amountCents: 1210 },
      expired: { count: 1, amountCents: 12100 },
      total: { count: 5, amountCents: 4 * 1210 + 12100 },
    });
    const page = await get(`/customers/${customerId}/estimates?pageSize=2&page=2`).expect(200);
    expect(page.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
  });

  it('prints the estimate as a PDF with its lines and totals, titled Presupuesto, without the AEAT QR', async () => {
    const customerId = await given.customer('PRE');
    const estimateId = (await create(customerId, aQuote(await tariff(3000)))).body.id;
    const res = await http()
      .get(`/api/estimates/${estimateId}/document.pdf`)
      .set(read())
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = drawnText(pdf);
    expect(text).toContain('Presupuesto');
    expect(text).toContain('Router installation');
    expect(text).toContain('Válido hasta');
    expect(text).toContain('133,09');
    expect(text).not.toContain('QR tributario');
    expect(text).not.toContain('VERI*FACTU');
    if (hasPdftotext) {
      const viaPoppler = execFileSync('pdftotext', ['-layout', '-', '-'], {
        input: pdf,
      }).toString();
      expect(viaPoppler).toContain('Router installation');
      expect(viaPoppler).toContain('Presupuesto');
    }
  });

  it('refuses hostile input with 400, writing nothing: NUL, huge amounts, impossible dates, bad ids', async () => {
    const customerId = await given.customer('PRE');
    const tariffId = await tariff();
    const hostile: object[] = [
      aQuote(tariffId, { notes: 'bad\u0000notes' }),
      aQuote(tariffId, { lines: [{ description: 'a\u0000b', unitPriceCents: 1 }] }),
      aQuote(tariffId, { lines: [{ description: 'Gold', unitPriceCents: 1e15 }] }),
      aQuote(tariffId, { lines: [{ description: 'Gold', unitPriceCents: 1.5 }] }),
      aQuote(tariffId, { lines: [{ description: 'Gold', unitPriceCents: 1, quantity: 1e9 }] }),
      aQuote(tariffId, { validUntil: '2026-02-30' }),
      aQuote(tariffId, { validUntil: 'tomorrow' }),
      aQuote(tariffId, { lines: [] }),
      aQuote(tariffId, { lines: [{ tariffId: 'not-a-uuid' }] }),
      aQuote(tariffId, { lines: 'everything' }),
    ];
    await writesNothing(async () => {
      for (const body of hostile) {
        const res = await create(customerId, body);
        expect([res.status, JSON.stringify(body)]).toEqual([400, JSON.stringify(body)]);
      }
      expect((await post('/estimates/not-a-uuid/accept', {})).status).toBe(400);
      expect((await post(`/estimates/${randomUUID()}/reject`, { reason: 'x\u0000' })).status).toBe(
        400,
      );
      expect(
        (await post(`/estimates/${randomUUID()}/accept`, { paymentMethod: 'gold' })).status,
      ).toBe(400);
    });
  });

  it('refuses with 422 what the domain refuses, writing nothing: a retired tariff, a date already past, a price given for a catalog line', async () => {
    const customerId = await given.customer('PRE');
    const retired = await tariff();
    await post(`/catalogs/tariffs/${retired}/retire`, {});
    const live = await tariff();
    await writesNothing(async () => {
      const res = await create(customerId, aQuote(retired));
      expect(res.status).toBe(422);
      expect(JSON.stringify(res.body)).toContain('R28.RETIRED');
      const past = await create(customerId, aQuote(live, { validUntil: '2020-01-01' }));
      expect(past.status).toBe(422);
    });
    await writesNothing(async () => {
      const res = await create(customerId, {
        ...aQuote(live),
        lines: [{ tariffId: live, unitPriceCents: 1 }],
      });
      expect(res.status).toBe(422);
      expect(JSON.stringify(res.body)).toContain('lines[0].unitPriceCents');
    });
  });

  it('answers 404 for unknown customers and estimates, writing nothing', async () => {
    await writesNothing(async () => {
      expect((await create(randomUUID(), aQuote(randomUUID()))).status).toBe(404);
      expect((await post(`/estimates/${randomUUID()}/accept`, {})).status).toBe(404);
      expect((await post(`/estimates/${randomUUID()}/reject`, {})).status).toBe(404);
    });
    expect((await get(`/customers/${randomUUID()}/estimates`)).status).toBe(404);
    expect((await get(`/customers/${randomUUID()}/estimates/summary`)).status).toBe(404);
    expect((await get(`/estimates/${randomUUID()}`)).status).toBe(404);
    expect((await get(`/estimates/${randomUUID()}/document.pdf`)).status).toBe(404);
  });

  it("leaves no clear text of an estimate once its customer's personal data is erased: log, row, lists and history", async () => {
    const customerId = await given.customer('PRE');
    const secrets = { line: 'Antena en casa de Lucía, Calle Sol 9', notes: 'Llamar al 611222333' };
    const estimateId = (
      await create(customerId, {
        lines: [{ description: secrets.line, unitPriceCents: 2000 }],
        validUntil: dayFromToday(5),
        notes: secrets.notes,
      })
    ).body.id;
    const database = testApp.app.get<SqlDatabase>(SQL_DATABASE);
    const raw = async () =>
      JSON.stringify(
        (
          await database.query('SELECT data FROM es_events WHERE stream_id = $1', [
            estimateStream(estimateId),
          ])
        ).rows,
      );
    for (const secret of Object.values(secrets)) expect(await raw()).not.toContain(secret);
    expect((await get(`/estimates/${estimateId}`).expect(200)).body.notes).toBe(secrets.notes);

    await post(`/customers/${customerId}/erase-personal-data`);
    const shown = [
      await get(`/estimates/${estimateId}`).expect(200),
      await get(`/customers/${customerId}/estimates`).expect(200),
      await get(`/customers/${customerId}/history`).expect(200),
    ];
    const text = JSON.stringify(shown.map((res) => res.body));
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
    expect(shown[0].body).toMatchObject({ lines: [], notes: '[erased]', totalCents: 2420 });
    await writesNothing(async () => {
      const refused = await create(customerId, aQuote(randomUUID()));
      expect(refused.status).toBe(422);
      expect(JSON.stringify(refused.body)).toContain('CUSTOMER.ERASED');
    });
  });
});
