import { addDays, dateInZone, PlainDate } from '@app/domain';
import { parseCsv } from '../libs/read-models/src/customers/testing/parse-csv';
import {
  ACTIVE_SINCE,
  BillingFixtures,
  CUSTOMER_IBAN,
  operator,
  recentMonths,
  SIGNATURE_IBAN,
  SIGNED_AT,
} from './support/billing-fixtures';
import { countEvents, startTestApp, TestApp } from './support/test-app';

const MONTHS = recentMonths(13);
/** The same month last year: its invoice, issued then, is overdue today. */
const LAST_YEAR = MONTHS[0];
const THIS_MONTH = MONTHS[12];

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

/*
 * Seed 002's advanced search over HTTP ("Búsqueda avanzada": customer, contract and billing
 * groups), on the list, on the CSV export and on a bulk update's filter. Three customers:
 *
 * - Ana Núñez: zone Norte, seller Lucía, collector Cobros Sur, Cádiz / La Viña, a natural
 *   person; direct debit, series ADV, billing day 1; a contract signed with another IBAN than
 *   the file's (R4's warning); an active "Fibra 300"; last year's invoice unpaid (overdue).
 * - Bruno Sáez SL: zone Sur, seller Pedro, collector Cobros Norte, Málaga / Centro, a legal
 *   person; transfer, series BEE, day 1; a contract signed with the file's IBAN; a "Móvil 10"
 *   suspended by an operator; this month's invoice unpaid, not yet due (a smaller debt).
 * - Carla Ruiz: no zone, seller, collector or city, other; billing off, series CEE, day 15,
 *   a registered issuer; only a draft contract, no subscription, no invoice.
 */
describe('Customer advanced search over HTTP (seed 002)', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  const http = () => given.http();
  const ids = { ana: '', bruno: '', carla: '' };
  let issuerId = '';
  let today: PlainDate;
  let anaDebt = 0;
  let brunoDebt = 0;

  const registered = async (body: object) =>
    (await given.post('/customers', body, 201)).body.id as string;
  const billing = async (id: string, body: object) =>
    given.track(
      await http()
        .put(`/api/customers/${id}/billing-settings`)
        .set(operator)
        .send(body)
        .expect(200),
    );
  const signed = async (customerId: string, paymentMethod: string, iban: string) => {
    const contractId = (await given.post('/contracts', { customerId, paymentMethod }, 201)).body
      .id as string;
    await given.post(
      `/contracts/${contractId}/sign`,
      {
        iban,
        signatory: 'Firma',
        mandateReference: `M-${contractId.slice(0, 8)}`,
        signedAt: SIGNED_AT,
      },
      200,
    );
    return contractId;
  };
  const activeSubscription = async (contractId: string, tariff: string, cents: number) => {
    const id = (
      await given.post(
        '/subscriptions',
        {
          contractId,
          tariff,
          monthlyPriceCents: cents,
          billingMode: 'advance',
          requestedAt: ACTIVE_SINCE,
        },
        201,
      )
    ).body.id as string;
    await given.post(`/subscriptions/${id}/activate`, { activatedAt: ACTIVE_SINCE }, 200);
    return id;
  };
  const totalOf = (body: { issued: { totals: { totalCents: number } }[] }) =>
    body.issued.reduce((sum, invoice) => sum + invoice.totals.totalCents, 0);

  beforeAll(async () => {
    testApp = await startTestApp();
    given = new BillingFixtures(testApp);
    today = dateInZone(new Date().toISOString());

    ids.ana = await registered({
      personType: 'natural',
      givenName: 'Ana',
      middleName: 'María',
      firstSurname: 'Núñez',
      secondSurname: 'Gil',
      zone: 'Norte',
      seller: 'Lucía',
      collector: 'Cobros Sur',
      address: { street: 'Calle Ancha 1', city: 'Cádiz', neighbourhood: 'La Viña' },
    });
    await billing(ids.ana, {
      billingEnabled: true,
      paymentMethod: 'direct_debit',
      invoiceSeries: 'ADV',
      billingDay: 1,
      iban: CUSTOMER_IBAN,
    });
    const anaContract = await signed(ids.ana, 'direct_debit', SIGNATURE_IBAN);
    await activeSubscription(anaContract, 'Fibra 300', 3000);
    const anaInvoices = await given.post(
      '/billing/runs',
      { period: LAST_YEAR, customerIds: [ids.ana], issueDate: `${LAST_YEAR}-15` },
      201,
    );
    anaDebt = totalOf(anaInvoices.body);

    ids.bruno = await registered({
      personType: 'legal',
      name: 'Bruno Sáez SL',
      zone: 'Sur',
      seller: 'Pedro',
      collector: 'Cobros Norte',
      address: { street: 'Calle Larios 2', city: 'Málaga', neighbourhood: 'Centro' },
    });
    await billing(ids.bruno, {
      billingEnabled: true,
      paymentMethod: 'transfer',
      invoiceSeries: 'BEE',
      billingDay: 1,
      iban: SIGNATURE_IBAN,
    });
    const brunoContract = await signed(ids.bruno, 'transfer', SIGNATURE_IBAN);
    const brunoSubscription = await activeSubscription(brunoContract, 'Móvil 10', 1000);
    const brunoInvoices = await given.post(
      '/billing/runs',
      { period: THIS_MONTH, customerIds: [ids.bruno] },
      201,
    );
    brunoDebt = totalOf(brunoInvoices.body);
    await given.post(`/subscriptions/${brunoSubscription}/suspend`, { reason: 'a pause' }, 200);

    ids.carla = await registered({ personType: 'other', name: 'Carla Ruiz' });
    issuerId = (
      await given.post(
        '/issuers',
        {
          legalName: 'Emisora Búsqueda SL',
          nif: aCif(),
          address: { street: 'Calle Mayor 1', postalCode: '28001', city: 'Madrid', country: 'ES' },
          creditorId: 'ES11ZZZB12345674',
          creditorIban: 'ES91 2100 0418 4502 0005 1332',
          creditorBic: 'CAIXESBBXXX',
          series: [`S${Date.now().toString(36).toUpperCase()}`],
        },
        201,
      )
    ).body.id as string;
    await billing(ids.carla, {
      billingEnabled: false,
      invoiceSeries: 'CEE',
      billingDay: 15,
      issuerId,
    });
    await given.post('/contracts', { customerId: ids.carla, paymentMethod: 'transfer' }, 201);
  });
  afterAll(() => testApp.close());

  type Who = keyof typeof ids;
  const whoIs = (id: string): Who | string =>
    (Object.keys(ids) as Who[]).find((who) => ids[who] === id) ?? id;

  /** Who the list finds with `query`, by name, in the list's order. */
  async function listed(query: object): Promise<string[]> {
    const res = await http()
      .get('/api/customers')
      .query({ ...query, pageSize: 100 })
      .set(given.readAfterWrites())
      .expect(200);
    expect(res.body.total).toBe(res.body.items.length);
    return res.body.items.map((item: { id: string }) => whoIs(item.id));
  }

  /** Who the CSV export holds with `query`, in its order. */
  async function exported(query: object): Promise<string[]> {
    const res = await http()
      .get('/api/customers/export.csv')
      .query(query)
      .set(given.readAfterWrites())
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      })
      .expect(200);
    const [, ...records] = parseCsv(res.body as string, ',');
    return records.map((record) => whoIs(record[0]));
  }

  const alone: [string, object, Who[]][] = [
    // Customer
    ['zone, case and accents aside', { zone: 'NORTE' }, ['ana']],
    ['zone: another', { zone: 'sur' }, ['bruno']],
    ['seller', { seller: 'lucia' }, ['ana']],
    ['seller: nobody', { seller: 'Lucí' }, []],
    ['collector', { collector: 'cobros norte' }, ['bruno']],
    ['city, accents aside', { city: 'cadiz' }, ['ana']],
    ['city: equality, not containment', { city: 'Cád' }, []],
    ['neighbourhood', { neighbourhood: 'LA VIÑA' }, ['ana']],
    ['neighbourhood: another', { neighbourhood: 'centro' }, ['bruno']],
    ['personType natural', { personType: 'natural' }, ['ana']],
    ['personType legal', { personType: 'legal' }, ['bruno']],
    ['personType other', { personType: 'other' }, ['carla']],
    ['status active', { status: 'active' }, ['ana', 'bruno', 'carla']],
    ['status inactive', { status: 'inactive' }, []],
    ['q', { q: 'nunez' }, ['ana']],
    // Contract and subscriptions
    ['subscriptionState active', { subscriptionState: 'active' }, ['ana']],
    ['subscriptionState suspended', { subscriptionState: 'suspended' }, ['bruno']],
    ['subscriptionState pending-activation', { subscriptionState: 'pending-activation' }, []],
    ['tariff, case and accents aside', { tariff: 'movil 10' }, ['bruno']],
    ['tariff: another', { tariff: 'FIBRA 300' }, ['ana']],
    ['tariff: nobody', { tariff: 'Fibra 600' }, []],
    ['disabledBySystem: an operator suspended it', { disabledBySystem: 'true' }, []],
    ['contractSigned true', { contractSigned: 'true' }, ['ana', 'bruno']],
    ['contractSigned false (a draft only)', { contractSigned: 'false' }, ['carla']],
    ['ibanMismatch true', { ibanMismatch: 'true' }, ['ana']],
    ['ibanMismatch false', { ibanMismatch: 'false' }, ['bruno', 'carla']],
    // Billing
    ['billingEnabled true', { billingEnabled: 'true' }, ['ana', 'bruno']],
    ['billingEnabled false', { billingEnabled: 'false' }, ['carla']],
    ['paymentMethod', { paymentMethod: 'transfer' }, ['bruno']],
    ['billingDay 15', { billingDay: '15' }, ['carla']],
    ['billingDay 1', { billingDay: '1' }, ['ana', 'bruno']],
    ['series', { series: 'ADV' }, ['ana']],
    ['series: nobody', { series: 'ZZZ' }, []],
    ['hasDebt true', { hasDebt: 'true' }, ['ana', 'bruno']],
    ['hasDebt false', { hasDebt: 'false' }, ['carla']],
    ['hasOverdueInvoices true', { hasOverdueInvoices: 'true' }, ['ana']],
    ['hasOverdueInvoices false', { hasOverdueInvoices: 'false' }, ['bruno', 'carla']],
  ];

  it.each(alone)('%s: %j finds %j on the list and in the export', async (_name, query, who) => {
    expect(await listed(query)).toEqual(who);
    expect(await exported(query)).toEqual(who);
  });

  it('issuerId: the customer naming the issuer, and nobody for another', async () => {
    expect(await listed({ issuerId })).toEqual(['carla']);
    expect(await exported({ issuerId })).toEqual(['carla']);
    expect(await listed({ issuerId: 'no-such-issuer' })).toEqual([]);
  });

  it('debtOverCents: an unpaid balance strictly over the amount', async () => {
    expect(brunoDebt).toBeGreaterThan(0);
    expect(anaDebt).toBeGreaterThan(brunoDebt);
    expect(await listed({ debtOverCents: '0' })).toEqual(['ana', 'bruno']);
    expect(await listed({ debtOverCents: String(brunoDebt - 1) })).toEqual(['ana', 'bruno']);
    expect(await listed({ debtOverCents: String(brunoDebt) })).toEqual(['ana']);
    expect(await exported({ debtOverCents: String(brunoDebt) })).toEqual(['ana']);
    expect(await listed({ debtOverCents: String(anaDebt) })).toEqual([]);
  });

  it('createdFrom / createdTo: the days the customers were registered on, both ends included', async () => {
    expect(await listed({ createdFrom: today })).toEqual(['ana', 'bruno', 'carla']);
    expect(await listed({ createdTo: today })).toEqual(['ana', 'bruno', 'carla']);
    expect(await listed({ createdFrom: today, createdTo: today })).toEqual([
      'ana',
      'bruno',
      'carla',
    ]);
    expect(await listed({ createdFrom: addDays(today, 1) })).toEqual([]);
    expect(await listed({ createdTo: addDays(today, -1) })).toEqual([]);
    expect(await exported({ createdTo: addDays(today, -1) })).toEqual([]);
  });

  const combined: [string, object, Who[]][] = [
    [
      'zone + status + paymentMethod + hasDebt + subscriptionState',
      {
        zone: 'norte',
        status: 'active',
        paymentMethod: 'direct_debit',
        hasDebt: 'true',
        subscriptionState: 'active',
      },
      ['ana'],
    ],
    [
      'the same with one filter that does not hold',
      {
        zone: 'norte',
        status: 'active',
        paymentMethod: 'direct_debit',
        hasDebt: 'true',
        subscriptionState: 'suspended',
      },
      [],
    ],
    [
      'tariff and state on one subscription',
      { tariff: 'Móvil 10', subscriptionState: 'suspended' },
      ['bruno'],
    ],
    ['tariff and another state', { tariff: 'Móvil 10', subscriptionState: 'active' }, []],
    [
      'city + contractSigned + ibanMismatch + hasOverdueInvoices',
      { city: 'CÁDIZ', contractSigned: 'true', ibanMismatch: 'true', hasOverdueInvoices: 'true' },
      ['ana'],
    ],
    [
      'billingDay + series + billingEnabled + personType',
      { billingDay: '15', series: 'CEE', billingEnabled: 'false', personType: 'other' },
      ['carla'],
    ],
    [
      'hasDebt + hasOverdueInvoices false + debtOverCents + collector',
      {
        hasDebt: 'true',
        hasOverdueInvoices: 'false',
        debtOverCents: '1',
        collector: 'Cobros Norte',
      },
      ['bruno'],
    ],
    [
      'seller + neighbourhood + createdFrom + q',
      { seller: 'LUCIA', neighbourhood: 'la vina', createdFrom: '2020-01-01', q: 'ana' },
      ['ana'],
    ],
  ];

  it.each(combined)('combined, %s: %j finds %j', async (_name, query, who) => {
    expect(await listed(query)).toEqual(who);
    expect(await exported(query)).toEqual(who);
  });

  const invalid: [string, object][] = [
    ['billingDay', { billingDay: '29' }],
    ['billingDay', { billingDay: '0' }],
    ['billingDay', { billingDay: 'first' }],
    ['createdFrom', { createdFrom: '2026-02-30' }],
    ['createdTo', { createdTo: '31/12/2026' }],
    ['subscriptionState', { subscriptionState: 'paused' }],
    ['personType', { personType: 'company' }],
    ['contractSigned', { contractSigned: 'yes' }],
    ['ibanMismatch', { ibanMismatch: '1' }],
    ['hasOverdueInvoices', { hasOverdueInvoices: 'maybe' }],
    ['debtOverCents', { debtOverCents: '-1' }],
    ['debtOverCents', { debtOverCents: '12.5' }],
    ['series', { series: 'S'.repeat(21) }],
    ['city', { city: 'c'.repeat(201) }],
  ];

  it.each(invalid)(
    'a bad %s (%j) is a 400 naming it, on the list and the export',
    async (field, query) => {
      for (const path of ['/api/customers', '/api/customers/export.csv']) {
        const res = await http().get(path).query(query).set(operator).expect(400);
        // The export's error is JSON too, whatever content type the route would have answered.
        const body = JSON.parse(res.text) as { details: { field: string }[] };
        expect(body.details.map((detail) => detail.field)).toContain(field);
      }
    },
  );

  it('a bulk update takes the new filters: a dry run finds who the list finds, writing nothing', async () => {
    const before = await countEvents(testApp);
    const res = await http()
      .post('/api/customers/bulk-update')
      .set(given.readAfterWrites())
      .send({
        filter: { city: 'cadiz', hasOverdueInvoices: true, billingDay: 1, ibanMismatch: true },
        changes: { seller: 'Eva' },
        dryRun: true,
      })
      .expect(200);
    expect(res.body).toMatchObject({ dryRun: true, total: 1 });
    expect(res.body.sample.map((c: { customerId: string }) => c.customerId)).toEqual([ids.ana]);
    expect(await countEvents(testApp)).toBe(before);
    const bad = await http()
      .post('/api/customers/bulk-update')
      .set(operator)
      .send({ filter: { billingDay: 31 }, changes: { seller: 'Eva' }, dryRun: true })
      .expect(400);
    expect(JSON.stringify(bad.body.details)).toContain('billingDay');
  });

  it('documents every filter in OpenAPI, with an example', async () => {
    const docs = await http().get('/api/docs-json').expect(200);
    const parameters: { name: string; example?: unknown; schema?: { example?: unknown } }[] =
      docs.body.paths['/api/customers'].get.parameters;
    for (const name of [
      'q',
      'zone',
      'seller',
      'collector',
      'city',
      'neighbourhood',
      'status',
      'personType',
      'createdFrom',
      'createdTo',
      'subscriptionState',
      'tariff',
      'disabledBySystem',
      'contractSigned',
      'ibanMismatch',
      'billingEnabled',
      'paymentMethod',
      'billingDay',
      'series',
      'issuerId',
      'hasDebt',
      'debtOverCents',
      'hasOverdueInvoices',
    ]) {
      const parameter = parameters.find((p) => p.name === name);
      expect([name, parameter !== undefined]).toEqual([name, true]);
      if (name !== 'q')
        expect([name, parameter?.example ?? parameter?.schema?.example]).not.toEqual([
          name,
          undefined,
        ]);
    }
  });
});
