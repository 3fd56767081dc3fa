import { EVENT_STORE, EventStore } from '@app/event-store';
import { BillingFixtures, operator, recentMonths } from './support/billing-fixtures';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';

const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };
const [PERIOD] = recentMonths(1);

let serial = 0;
/** A name no other test here uses. */
const unique = (name: string) => `${name} ${Date.now().toString(36)}${++serial}`;

describe('Catalogs over HTTP (rule 28)', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  const http = () => given.http();
  const read = () => given.readAfterWrites();
  const post = async (path: string, body: object, status: number, headers = {}) =>
    given.track(
      await http()
        .post(`/api${path}`)
        .set({ ...operator, ...headers })
        .send(body)
        .expect(status),
    );
  const patch = async (path: string, body: object, status: number, headers = {}) =>
    given.track(
      await http()
        .patch(`/api${path}`)
        .set({ ...operator, ...headers })
        .send(body)
        .expect(status),
    );
  /** Asserts the request wrote nothing, whatever it answered. */
  async function writesNothing(send: () => Promise<unknown>) {
    const before = await countEvents(testApp);
    await send();
    expect(await countEvents(testApp)).toBe(before);
  }
  const history = async (customerId: string) =>
    (await http().get(`/api/customers/${customerId}/history`).set(read()).expect(200)).body
      .items as { summary: string; changes: { field: string; after: unknown }[] }[];

  beforeAll(async () => {
    testApp = await startTestApp();
    given = new BillingFixtures(testApp);
  });
  afterAll(() => testApp.close());

  it('creates, lists, shows, renames and retires an entry of each catalog', async () => {
    for (const kind of ['zones', 'sellers', 'collectors'] as const) {
      const name = unique(`Entry of ${kind}`);
      const created = await post(`/catalogs/${kind}`, { name: `  ${name} ` }, 201);
      expect(created.body).toEqual({
        id: expect.any(String),
        version: 1,
        position: expect.any(Number),
      });
      const { id } = created.body;
      const shown = await http().get(`/api/catalogs/${kind}/${id}`).set(read()).expect(200);
      expect(shown.body).toMatchObject({
        id,
        name,
        active: true,
        version: 1,
        monthlyPriceCents: null,
      });
      const listed = await http().get(`/api/catalogs/${kind}`).set(read()).expect(200);
      expect(listed.body.map((e: { id: string }) => e.id)).toContain(id);

      await patch(`/catalogs/${kind}/${id}`, { name: `${name} (new)` }, 200, { 'If-Match': '1' });
      await post(`/catalogs/${kind}/${id}/retire`, {}, 200);
      const active = await http().get(`/api/catalogs/${kind}`).set(read()).expect(200);
      expect(active.body.map((e: { id: string }) => e.id)).not.toContain(id);
      const all = await http()
        .get(`/api/catalogs/${kind}?includeRetired=true`)
        .set({ ...auditor, 'X-Min-Position': String(given.last) })
        .expect(200);
      expect(all.body.find((e: { id: string }) => e.id === id)).toMatchObject({
        name: `${name} (new)`,
        active: false,
        version: 3,
      });
    }
  });

  it('keeps a tariff with its price, VAT rate and billing mode, and changes its terms', async () => {
    const name = unique('Fibra 600');
    const { id } = (
      await post(
        '/catalogs/tariffs',
        { name, monthlyPriceCents: 3500, vatRatePercent: 21, billingMode: 'advance' },
        201,
      )
    ).body;
    await patch(`/catalogs/tariffs/${id}`, { monthlyPriceCents: 3900 }, 200);
    const shown = await http().get(`/api/catalogs/tariffs/${id}`).set(read()).expect(200);
    expect(shown.body).toMatchObject({
      name,
      monthlyPriceCents: 3900,
      vatRatePercent: 21,
      billingMode: 'advance',
      version: 2,
    });
    // A tariff needs its terms; a zone takes none.
    await writesNothing(() =>
      http()
        .post('/api/catalogs/tariffs')
        .set(operator)
        .send({ name: unique('Sin precio') })
        .expect(422)
        .expect((res) => expect(res.body.details[0]).toMatchObject({ code: 'R28.INVALID_INPUT' })),
    );
    await writesNothing(() =>
      http()
        .post('/api/catalogs/zones')
        .set(operator)
        .send({ name: unique('Zona'), monthlyPriceCents: 100 })
        .expect(422),
    );
  });

  it('refuses a second entry of the same name, case and accents aside: 409 R28.NAME_TAKEN', async () => {
    const name = unique('Zona Nórte');
    const first = await post('/catalogs/zones', { name }, 201);
    await writesNothing(() =>
      http()
        .post('/api/catalogs/zones')
        .set(operator)
        .send({ name: ` ${name.toUpperCase().replace('Ó', 'O').replace(' ', '  ')} ` })
        .expect(409)
        .expect((res) => expect(res.body.details[0]).toMatchObject({ code: 'R28.NAME_TAKEN' })),
    );
    // Another catalog may have it; a rename onto another entry's name is refused too.
    await post('/catalogs/sellers', { name }, 201);
    const other = await post('/catalogs/zones', { name: unique('Zona Sur') }, 201);
    await writesNothing(() =>
      http()
        .patch(`/api/catalogs/zones/${other.body.id}`)
        .set(operator)
        .send({ name: name.toLowerCase() })
        .expect(409),
    );
    // The name a rename leaves is free again.
    await patch(`/catalogs/zones/${first.body.id}`, { name: unique('Zona Este') }, 200);
    await post('/catalogs/zones', { name }, 201);
  });

  it('a customer naming an unknown zone creates it; "ZONA  norte" and "zona norte" are one entry', async () => {
    const name = unique('Zona Norte');
    const a = await post('/customers', { personType: 'legal', name: 'Uno SL', zone: name }, 201);
    const b = await post(
      '/customers',
      { personType: 'legal', name: 'Dos SL', zone: `  ${name.toUpperCase().replace(' ', '  ')} ` },
      201,
    );
    const zones = await http().get('/api/catalogs/zones').set(read()).expect(200);
    const matching = zones.body.filter((e: { name: string }) => e.name === name);
    expect(matching).toHaveLength(1);
    const zoneId = matching[0].id;
    for (const customer of [a, b]) {
      const file = await http().get(`/api/customers/${customer.body.id}`).set(read()).expect(200);
      expect(file.body).toMatchObject({ zone: name, zoneId });
    }
    // Filtering the list by zone finds both.
    const listed = await http()
      .get(`/api/customers?zone=${encodeURIComponent(name)}`)
      .set(read())
      .expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id).sort()).toEqual(
      [a.body.id, b.body.id].sort(),
    );
  });

  it('of concurrent customers naming one new zone, all are registered under one entry', async () => {
    const name = unique('Zona Concurrente');
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        http()
          .post('/api/customers')
          .set(operator)
          .send({
            personType: 'legal',
            name: `Paralela ${i} SL`,
            zone: i % 2 ? name : name.toLowerCase(),
          }),
      ),
    );
    expect(answers.map((res) => res.status)).toEqual([201, 201, 201, 201, 201, 201]);
    for (const res of answers) given.track(res);
    const zones = await http().get('/api/catalogs/zones').set(read()).expect(200);
    const matching = zones.body.filter(
      (e: { name: string }) => e.name.toLowerCase() === name.toLowerCase(),
    );
    expect(matching).toHaveLength(1);
    for (const res of answers) {
      const file = await http().get(`/api/customers/${res.body.id}`).set(read()).expect(200);
      expect(file.body.zoneId).toBe(matching[0].id);
    }
  });

  it('an edit chooses another entry by id, or clears it', async () => {
    const customer = await post(
      '/customers',
      { personType: 'legal', name: 'Nueve SL', zone: unique('Zona A') },
      201,
    );
    const other = await post('/catalogs/zones', { name: unique('Zona B') }, 201);
    const edited = await patch(`/customers/${customer.body.id}`, { zoneId: other.body.id }, 200, {
      'If-Match': String(customer.body.version),
    });
    let file = await http().get(`/api/customers/${customer.body.id}`).set(read()).expect(200);
    expect(file.body).toMatchObject({
      zoneId: other.body.id,
      zone: expect.stringMatching(/^Zona B/),
    });
    await patch(`/customers/${customer.body.id}`, { zone: null }, 200, {
      'If-Match': String(edited.body.version),
    });
    file = await http().get(`/api/customers/${customer.body.id}`).set(read()).expect(200);
    expect(file.body).toMatchObject({ zoneId: null, zone: null });
  });

  it('chooses by id; an unknown id is 422 R28.UNKNOWN, writing nothing', async () => {
    const seller = await post('/catalogs/sellers', { name: unique('Lucía') }, 201);
    const customer = await post(
      '/customers',
      { personType: 'legal', name: 'Tres SL', sellerId: seller.body.id },
      201,
    );
    const file = await http().get(`/api/customers/${customer.body.id}`).set(read()).expect(200);
    expect(file.body).toMatchObject({
      sellerId: seller.body.id,
      seller: expect.stringMatching(/^Lucía/),
    });
    await writesNothing(() =>
      http()
        .post('/api/customers')
        .set(operator)
        .send({
          personType: 'legal',
          name: 'Cuatro SL',
          collectorId: '7d2f9c1e-4b3a-4f6e-9a8b-1c2d3e4f5a6b',
        })
        .expect(422)
        .expect((res) => expect(res.body.details[0]).toMatchObject({ code: 'R28.UNKNOWN' })),
    );
  });

  it('renaming a zone changes no history line; the file shows the new name', async () => {
    const name = unique('Centro');
    const zone = await post('/catalogs/zones', { name }, 201);
    const customer = await post(
      '/customers',
      { personType: 'legal', name: 'Cinco SL', zone: name },
      201,
    );
    const id = customer.body.id;
    const before = await history(id);
    expect(before[0].changes).toEqual(
      expect.arrayContaining([{ field: 'zone', before: null, after: name }]),
    );
    await patch(`/catalogs/zones/${zone.body.id}`, { name: `${name} renombrada` }, 200);
    expect(await history(id)).toEqual(before);
    const file = await http().get(`/api/customers/${id}`).set(read()).expect(200);
    expect(file.body).toMatchObject({ zone: `${name} renombrada`, zoneId: zone.body.id });
    // The advanced search finds the file by the new name, case and accents aside, not the old.
    const listed = async (zoneName: string) =>
      (
        await http().get('/api/customers').query({ zone: zoneName }).set(read()).expect(200)
      ).body.items.map((item: { id: string }) => item.id);
    expect(await listed(`${name} RENOMBRADA`.toLowerCase())).toEqual([id]);
    expect(await listed(name)).toEqual([]);
  });

  it('a bulk update chooses entries as an edit does: by id, renames follow, a revert restores the link, a retired one is 422', async () => {
    const centro = unique('Centro');
    const norte = unique('Norte');
    const zoneCentro = await post('/catalogs/zones', { name: centro }, 201);
    const zoneNorte = await post('/catalogs/zones', { name: norte }, 201);
    const ids: string[] = [];
    for (const name of ['Masiva Uno SL', 'Masiva Dos SL'])
      ids.push(
        (await post('/customers', { personType: 'legal', name, zone: centro }, 201)).body.id,
      );
    const fileOf = async (id: string) =>
      (await http().get(`/api/customers/${id}`).set(read()).expect(200)).body;

    // Named in another case: the entry's own spelling and its id, on every customer.
    const bulk = await post(
      '/customers/bulk-update',
      { customerIds: ids, changes: { zone: norte.toUpperCase() } },
      200,
    );
    expect(bulk.body).toMatchObject({ status: 'completed', updated: 2 });
    for (const id of ids)
      expect(await fileOf(id)).toMatchObject({ zone: norte, zoneId: zoneNorte.body.id });

    // The link is an id: a rename shows on the files the bulk update linked.
    await patch(`/catalogs/zones/${zoneNorte.body.id}`, { name: `${norte} B` }, 200);
    expect(await fileOf(ids[0])).toMatchObject({ zone: `${norte} B`, zoneId: zoneNorte.body.id });

    // The revert restores the name and the entry the customers were linked to before.
    const reverted = await post(`/bulk-operations/${bulk.body.bulkOperationId}/revert`, {}, 200);
    expect(reverted.body.conflicts).toEqual([]);
    for (const id of ids)
      expect(await fileOf(id)).toMatchObject({ zone: centro, zoneId: zoneCentro.body.id });

    // A retired entry is refused for the whole operation, dry run included, writing nothing.
    await post(`/catalogs/zones/${zoneNorte.body.id}/retire`, {}, 200);
    for (const dryRun of [false, true])
      await writesNothing(async () => {
        const refused = await http()
          .post('/api/customers/bulk-update')
          .set(operator)
          .send({ customerIds: ids, changes: { zone: `${norte} B` }, dryRun })
          .expect(422);
        expect(JSON.stringify(refused.body)).toContain('R28.RETIRED');
      });

    // A name no catalog holds creates its entry once, and links every customer to it.
    const nueva = unique('Nueva');
    const created = await post(
      '/customers/bulk-update',
      { customerIds: ids, changes: { zone: nueva } },
      200,
    );
    expect(created.body).toMatchObject({ status: 'completed', updated: 2 });
    const zones = (await http().get('/api/catalogs/zones').set(read()).expect(200)).body;
    const entries = (zones.items ?? zones) as { id: string; name: string }[];
    const made = entries.filter((entry) => entry.name === nueva);
    expect(made).toHaveLength(1);
    for (const id of ids)
      expect(await fileOf(id)).toMatchObject({ zone: nueva, zoneId: made[0].id });
  });

  it('a retired entry cannot be chosen anew: 422 R28.RETIRED by name or id, writing nothing', async () => {
    const name = unique('Cobrador');
    const collector = await post('/catalogs/collectors', { name }, 201);
    await post(`/catalogs/collectors/${collector.body.id}/retire`, {}, 200);
    for (const body of [{ collector: name.toLowerCase() }, { collectorId: collector.body.id }])
      await writesNothing(() =>
        http()
          .post('/api/customers')
          .set(operator)
          .send({ personType: 'legal', name: 'Seis SL', ...body })
          .expect(422)
          .expect((res) => expect(res.body.details[0]).toMatchObject({ code: 'R28.RETIRED' })),
      );
    const customer = await post('/customers', { personType: 'legal', name: 'Siete SL' }, 201);
    await writesNothing(() =>
      http()
        .patch(`/api/customers/${customer.body.id}`)
        .set(operator)
        .send({ collector: name })
        .expect(422),
    );
    // A customer that holds it already keeps it when its form is sent back whole.
    const holder = await post(
      '/customers',
      { personType: 'legal', name: 'Diez SL', zone: unique('Zona Vieja') },
      201,
    );
    const held = await http().get(`/api/customers/${holder.body.id}`).set(read()).expect(200);
    await post(`/catalogs/zones/${held.body.zoneId}/retire`, {}, 200);
    await patch(
      `/customers/${holder.body.id}`,
      { zone: held.body.zone, observations: 'Sigue' },
      200,
    );
    const kept = await http().get(`/api/customers/${holder.body.id}`).set(read()).expect(200);
    expect(kept.body).toMatchObject({ zoneId: held.body.zoneId, observations: 'Sigue' });
    // Its name stays its own: a new entry cannot take it either.
    await writesNothing(() =>
      http().post('/api/catalogs/collectors').set(operator).send({ name }).expect(409),
    );
  });

  it('a subscription by tariffId takes its price and mode as a snapshot; a retired tariff is 422', async () => {
    const customerId = await given.customer(`CT${++serial}`);
    const contractId = await given.signedContract(customerId);
    const tariff = await post(
      '/catalogs/tariffs',
      {
        name: unique('Fibra 1 Gb'),
        monthlyPriceCents: 4200,
        vatRatePercent: 21,
        billingMode: 'arrears',
      },
      201,
    );
    const sub = await post('/subscriptions', { contractId, tariffId: tariff.body.id }, 201);
    await patch(`/catalogs/tariffs/${tariff.body.id}`, { monthlyPriceCents: 9900 }, 200);
    const shown = (await http().get(`/api/subscriptions/${sub.body.id}`).set(read()).expect(200))
      .body;
    expect(shown).toMatchObject({ monthlyPriceCents: 4200, billingMode: 'arrears' });

    await post(`/catalogs/tariffs/${tariff.body.id}/retire`, {}, 200);
    await writesNothing(() =>
      http()
        .post('/api/subscriptions')
        .set(operator)
        .send({ contractId, tariffId: tariff.body.id })
        .expect(422)
        .expect((res) => expect(res.body.details[0]).toMatchObject({ code: 'R28.RETIRED' })),
    );
  });

  it('a tariff migration names a catalog tariff: its spelling and id, a retired one 422, a new name created', async () => {
    const customerId = await given.customer(`CT${++serial}`);
    const contractId = await given.signedContract(customerId);
    const fibra = unique('Fibra Migración');
    const tariff = await post(
      '/catalogs/tariffs',
      { name: fibra, monthlyPriceCents: 5000, vatRatePercent: 21, billingMode: 'advance' },
      201,
    );
    const subscriptionId = await given.activeSubscription(contractId, 3000);
    const migrate = (tariffName: string, effectiveDate: string) =>
      http()
        .post(`/api/subscriptions/${subscriptionId}/tariff-migrations`)
        .set(operator)
        .send({ tariff: tariffName, monthlyPriceCents: 5000, effectiveDate });
    const migratedEvent = async () => {
      const events = await testApp.app
        .get<EventStore>(EVENT_STORE)
        .readStream(`subscription-${subscriptionId}`);
      return events.filter((event) => event.type === 'SubscriptionTariffMigrated').at(-1);
    };

    // Named without case or accents: the entry's spelling and id on the event.
    given.track(await migrate(fibra.toUpperCase().replace('Ó', 'O'), '2030-01-01').expect(201));
    expect((await migratedEvent())?.data).toMatchObject({
      tariff: fibra,
      tariffId: tariff.body.id,
    });

    // A retired tariff cannot be chosen anew.
    await post(`/catalogs/tariffs/${tariff.body.id}/retire`, {}, 200);
    await writesNothing(async () => {
      const refused = await migrate(fibra, '2030-02-01').expect(422);
      expect(JSON.stringify(refused.body)).toContain('R28.RETIRED');
    });

    // A name no catalog holds creates the tariff with the migration's price.
    const nueva = unique('Fibra Nueva');
    given.track(await migrate(nueva, '2030-03-01').expect(201));
    const tariffs = (await http().get('/api/catalogs/tariffs').set(read()).expect(200)).body;
    const entries = (tariffs.items ?? tariffs) as { id: string; name: string }[];
    const created = entries.filter((entry) => entry.name === nueva);
    expect(created).toHaveLength(1);
    expect((await migratedEvent())?.data).toMatchObject({ tariff: nueva, tariffId: created[0].id });
  });

  it('renaming a tariff changes no issued invoice', async () => {
    const name = unique('Fibra 300');
    const series = `TN${++serial}`;
    const customerId = await given.customer(series);
    const contractId = await given.signedContract(customerId);
    const sub = await given.activeSubscription(contractId, 3000);
    expect(sub).toEqual(expect.any(String));
    // The fixtures' free-text tariff is now a catalog entry: rename it.
    const tariffs = await http().get('/api/catalogs/tariffs').set(read()).expect(200);
    const fibra = tariffs.body.find((t: { name: string }) => t.name === 'Fibra 300');
    expect(fibra).toBeDefined();
    const run = await post('/billing/runs', { period: PERIOD, customerIds: [customerId] }, 201);
    const [issued] = run.body.issued as { invoiceId: string }[];
    const before = await http().get(`/api/invoices/${issued.invoiceId}`).set(read()).expect(200);
    const renamed = await http()
      .patch(`/api/catalogs/tariffs/${fibra.id}`)
      .set(operator)
      .send({ name });
    expect(renamed.body).toMatchObject({ version: 2 });
    await post(
      '/catalogs/tariffs',
      { name: 'Fibra 300', monthlyPriceCents: 1, vatRatePercent: 21, billingMode: 'advance' },
      201,
    );
    const after = await http().get(`/api/invoices/${issued.invoiceId}`).set(read()).expect(200);
    expect(after.body.lines).toEqual(before.body.lines);
    expect(after.body.totals).toEqual(before.body.totals);
  });

  it('answers 400 to hostile input writing nothing, 409 to a stale If-Match, 404 to unknown ones', async () => {
    for (const body of [{}, { name: 42 }, { name: 'x'.repeat(300) }, { name: 'Ok', extra: 1 }])
      await writesNothing(() =>
        http().post('/api/catalogs/zones').set(operator).send(body).expect(400),
      );
    await writesNothing(() =>
      http()
        .post('/api/catalogs/tariffs')
        .set(operator)
        .send({ name: 'T', monthlyPriceCents: -1, vatRatePercent: 21, billingMode: 'advance' })
        .expect(400),
    );
    await writesNothing(() =>
      http()
        .post('/api/customers')
        .set(operator)
        .send({ personType: 'legal', name: 'Ocho SL', zoneId: 'not-a-uuid' })
        .expect(400),
    );
    const zone = await post('/catalogs/zones', { name: unique('Zona Oeste') }, 201);
    await writesNothing(() =>
      http()
        .patch(`/api/catalogs/zones/${zone.body.id}`)
        .set({ ...operator, 'If-Match': '7' })
        .send({ name: unique('Otra') })
        .expect(409),
    );
    await http().get('/api/catalogs/planets').set(read()).expect(404);
    await http()
      .get('/api/catalogs/zones/7d2f9c1e-4b3a-4f6e-9a8b-1c2d3e4f5a6b')
      .set(read())
      .expect(404);
    await writesNothing(() =>
      http()
        .patch('/api/catalogs/zones/7d2f9c1e-4b3a-4f6e-9a8b-1c2d3e4f5a6b')
        .set(operator)
        .send({ name: 'Nada' })
        .expect(404),
    );
    // An entry of another catalog is not found under this one.
    await http().get(`/api/catalogs/sellers/${zone.body.id}`).set(read()).expect(404);
    await writesNothing(() =>
      http().post(`/api/catalogs/sellers/${zone.body.id}/retire`).set(operator).expect(404),
    );
    // Auditors read, and may not write.
    await http().get('/api/catalogs/zones').set(auditor).expect(200);
    await http().post('/api/catalogs/zones').set(auditor).send({ name: 'No' }).expect(403);
  });
});
