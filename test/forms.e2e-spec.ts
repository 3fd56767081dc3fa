import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import request from 'supertest';
import { SqlDatabase } from '@app/database';
import { SQL_DATABASE } from '@app/application';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };
const UNKNOWN = '3f1c1a52-8d7e-4b7a-9a55-1d2f8c7b6e10';

interface Answer {
  key: string;
  label: string;
  type: string;
  value: unknown;
}
interface Filled {
  id: string;
  formVersion: number;
  erased: boolean;
  answers: Answer[];
}

/** Seed 000's example: a checklist before sending a technician. */
const checklistV1 = {
  name: 'Checklist antes de enviar técnico',
  description: 'Paso a paso antes de una visita',
  fields: [
    { key: 'router_on', label: '¿Router encendido?', type: 'yes_no', required: true },
    {
      key: 'lights',
      label: 'Luces del router',
      type: 'single_choice',
      required: true,
      options: ['Verde', 'Rojo', 'Apagado'],
    },
    { key: 'devices', label: 'Equipos', type: 'number', min: 0, max: 50, integer: true },
    { key: 'visit_day', label: 'Día preferido', type: 'date' },
    {
      key: 'rooms',
      label: 'Estancias sin señal',
      type: 'multiple_choice',
      options: ['Salón', 'Cocina', 'Dormitorio'],
    },
    { key: 'notes', label: 'Notas', type: 'text', maxLength: 200 },
  ],
};

/** Version 2: `notes` removed, `visit_day` required and relabelled, the lights' options changed. */
const checklistV2 = {
  ...checklistV1,
  fields: [
    checklistV1.fields[0],
    { ...checklistV1.fields[1], label: 'Estado de las luces', options: ['Fija', 'Parpadea'] },
    checklistV1.fields[2],
    { key: 'visit_day', label: 'Día de la visita', type: 'date', required: true },
    checklistV1.fields[4],
  ],
};

const v1Answers = {
  router_on: true,
  lights: 'Rojo',
  devices: 4,
  rooms: ['Dormitorio', 'Salón'],
  notes: 'Perro en el jardín',
};

const valuesOf = (filled: Filled) =>
  Object.fromEntries(filled.answers.map((answer) => [answer.key, answer.value]));
const labelsOf = (filled: Filled) => filled.answers.map((answer) => answer.label);

describe('additional forms over HTTP (define, version, fill, edit, list)', () => {
  let testApp: TestApp;
  let position = 0;
  const http = () => request(testApp.app.getHttpServer());
  const read = () => ({ ...auditor, 'X-Min-Position': String(position) });

  async function writesNothing(send: () => Promise<unknown>) {
    const before = await countEvents(testApp);
    await send();
    expect(await countEvents(testApp)).toBe(before);
  }
  async function command(
    method: 'post' | 'patch',
    path: string,
    body: object = {},
    status = 200,
    headers: Record<string, string> = {},
  ) {
    const res = await http()
      [method](`/api${path}`)
      .set({ ...operator, ...headers })
      .send(body);
    expect({ status: res.status, body: res.body }).toMatchObject({ status });
    position = Math.max(position, res.body.position ?? 0);
    return res.body;
  }
  async function customer(name = 'Bar Formulario SL'): Promise<string> {
    const body = { personType: 'legal', name, email: `${randomUUID()}@example.com` };
    return (await command('post', '/customers', body, 201)).id;
  }
  const defineForm = async (body: object = checklistV1): Promise<string> =>
    (await command('post', '/forms', body, 201)).id;
  const fill = (customerId: string, formId: string, body: object, status = 201) =>
    command('post', `/customers/${customerId}/forms/${formId}`, body, status);
  const tab = async (customerId: string, query: object = {}) =>
    (await http().get(`/api/customers/${customerId}/forms`).query(query).set(read()).expect(200))
      .body as { items: Filled[]; total: number; page: number; pageSize: number };

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('defines a form (version 1), lists it and shows it with its questions', async () => {
    const created = await command('post', '/forms', checklistV1, 201);
    expect(created).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    const form = await http().get(`/api/forms/${created.id}`).set(read()).expect(200);
    expect(form.body).toMatchObject({
      id: created.id,
      name: checklistV1.name,
      status: 'active',
      currentVersion: 1,
      versions: [{ version: 1, name: checklistV1.name }],
      version: 1,
    });
    expect(form.body.fields.map((field: { key: string }) => field.key)).toEqual([
      'router_on',
      'lights',
      'devices',
      'visit_day',
      'rooms',
      'notes',
    ]);
    expect(form.body.fields[2]).toMatchObject({ min: 0, max: 50, integer: true, options: [] });
    const list = await http().get('/api/forms').query({ pageSize: 100 }).set(read()).expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(created.id);
  });

  it('fills a form for a customer and lists it on the tab, answers under the version’s labels, newest first', async () => {
    const id = await customer();
    const formId = await defineForm();
    const first = await fill(id, formId, { answers: v1Answers });
    expect(first).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    const second = await fill(id, formId, { answers: { router_on: false, lights: 'Verde' } });
    const page = await tab(id);
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(page.items.map((item) => item.id)).toEqual([second.id, first.id]);
    const older = page.items[1];
    expect(older).toMatchObject({
      formId,
      formVersion: 1,
      formName: checklistV1.name,
      erased: false,
    });
    expect(older.answers[0]).toEqual({
      key: 'router_on',
      label: '¿Router encendido?',
      type: 'yes_no',
      value: true,
    });
    expect(valuesOf(older)).toEqual({
      router_on: true,
      lights: 'Rojo',
      devices: 4,
      visit_day: null,
      rooms: ['Salón', 'Dormitorio'],
      notes: 'Perro en el jardín',
    });
    const one = await http().get(`/api/customers/${id}/forms/${first.id}`).set(read()).expect(200);
    expect(one.body).toEqual(older);
    const paged = await tab(id, { page: 2, pageSize: 1 });
    expect(paged.items.map((item) => item.id)).toEqual([first.id]);
    const history = await http().get(`/api/customers/${id}/history`).set(read()).expect(200);
    const summaries = history.body.items.map((line: { summary: string }) => line.summary);
    expect(summaries).toContain(`Form filled: ${checklistV1.name} (version 1)`);
  });

  it('refuses each bad answer, naming every field, and writes nothing', async () => {
    const id = await customer();
    const formId = await defineForm();
    await writesNothing(async () => {
      const res = await fill(
        id,
        formId,
        {
          answers: {
            router_on: 'yes',
            lights: 'Azul',
            devices: 4.5,
            visit_day: '2026-02-30',
            rooms: ['Salón', 'Salón'],
            notes: 'x'.repeat(201),
            colour: 'red',
          },
        },
        422,
      );
      expect(res.details.map((detail: { field: string }) => detail.field)).toEqual([
        'answers.colour',
        'answers.router_on',
        'answers.lights',
        'answers.devices',
        'answers.visit_day',
        'answers.rooms',
        'answers.notes',
      ]);
    });
    await writesNothing(async () => {
      const res = await fill(id, formId, { answers: { devices: 51 } }, 422);
      expect(res.details.map((detail: { field: string }) => detail.field)).toEqual([
        'answers.router_on',
        'answers.lights',
        'answers.devices',
      ]);
    });
    await writesNothing(() => fill(id, formId, { answers: v1Answers, version: 2 }, 422));
    expect((await tab(id)).total).toBe(0);
  });

  it('keeps answers bound to their version: v1 answers listed and editable under v1 rules after v2 changed the form; a new fill follows v2', async () => {
    const id = await customer();
    const formId = await defineForm();
    const v1Fill = await fill(id, formId, { answers: v1Answers });
    const published = await command('post', `/forms/${formId}/versions`, checklistV2, 201, {
      'If-Match': '1',
    });
    expect(published).toMatchObject({ id: formId, version: 2 });
    const form = await http().get(`/api/forms/${formId}`).set(read()).expect(200);
    expect(form.body).toMatchObject({
      currentVersion: 2,
      versions: [{ version: 1 }, { version: 2 }],
    });
    const v1 = await http().get(`/api/forms/${formId}/versions/1`).set(read()).expect(200);
    expect(v1.body).toMatchObject({ version: 1, current: false });
    expect(v1.body.fields.map((field: { key: string }) => field.key)).toContain('notes');

    // The v1 answers are still listed, under v1's labels, `notes` included.
    let [listed] = (await tab(id)).items;
    expect(listed.formVersion).toBe(1);
    expect(labelsOf(listed)).toContain('Luces del router');
    expect(labelsOf(listed)).toContain('Notas');
    expect(valuesOf(listed)).toMatchObject({ lights: 'Rojo', notes: 'Perro en el jardín' });

    // Editable under v1's rules: a v1 option and `notes` accepted (no visit day, optional in v1)…
    const edited = await command(
      'patch',
      `/customers/${id}/forms/${v1Fill.id}`,
      { answers: { lights: 'Apagado', notes: 'Sin perro' } },
      200,
      { 'If-Match': '1' },
    );
    expect(edited).toMatchObject({ id: v1Fill.id, version: 2 });
    [listed] = (await tab(id)).items;
    expect(valuesOf(listed)).toMatchObject({
      lights: 'Apagado',
      notes: 'Sin perro',
      visit_day: null,
    });
    // …a v2 option refused on it, writing nothing.
    await writesNothing(() =>
      command('patch', `/customers/${id}/forms/${v1Fill.id}`, { answers: { lights: 'Fija' } }, 422),
    );

    // A new fill is validated against v2: the v1 answers no longer fit.
    await writesNothing(async () => {
      const res = await fill(id, formId, { answers: v1Answers }, 422);
      expect(res.details.map((detail: { field: string }) => detail.field)).toEqual([
        'answers.notes',
        'answers.lights',
        'answers.visit_day',
      ]);
    });
    const v2Fill = await fill(id, formId, {
      answers: { router_on: false, lights: 'Parpadea', visit_day: '2026-03-05' },
    });
    const items = (await tab(id)).items;
    expect(items.map((item) => [item.id, item.formVersion])).toEqual([
      [v2Fill.id, 2],
      [v1Fill.id, 1],
    ]);
    expect(labelsOf(items[0])).toEqual([
      '¿Router encendido?',
      'Estado de las luces',
      'Equipos',
      'Día de la visita',
      'Estancias sin señal',
    ]);
    // Version 1 can still be filled by number.
    const byNumber = await fill(id, formId, { answers: v1Answers, version: 1 });
    const [newest] = (await tab(id)).items;
    expect(newest).toMatchObject({ id: byNumber.id, formVersion: 1 });

    const history = await http().get(`/api/customers/${id}/history`).set(read()).expect(200);
    const summaries = history.body.items.map((line: { summary: string }) => line.summary);
    expect(summaries).toContain(`Form answers edited: ${checklistV1.name}: lights, notes`);
  });

  it('refuses to fill a retired form; its past fills stay listed and editable', async () => {
    const id = await customer();
    const formId = await defineForm();
    const filled = await fill(id, formId, { answers: v1Answers });
    await command('post', `/forms/${formId}/retire`);
    const form = await http().get(`/api/forms/${formId}`).set(read()).expect(200);
    expect(form.body.status).toBe('retired');
    await writesNothing(async () => {
      const res = await fill(id, formId, { answers: v1Answers }, 422);
      expect(res.details[0].code).toBe('FORM.RETIRED');
    });
    await writesNothing(() => command('post', `/forms/${formId}/versions`, checklistV2, 422));
    await command('patch', `/customers/${id}/forms/${filled.id}`, { answers: { devices: 5 } });
    expect(valuesOf((await tab(id)).items[0]).devices).toBe(5);
    const listed = async (status: string) =>
      (
        await http().get('/api/forms').query({ status, pageSize: 100 }).set(read()).expect(200)
      ).body.items.map((item: { id: string }) => item.id);
    expect(await listed('retired')).toContain(formId);
    expect(await listed('active')).not.toContain(formId);
  });

  it('refuses bad definitions: 400 for a malformed one, 422 naming each rule broken, writing nothing', async () => {
    const field = (overrides: object) => ({ key: 'k', label: 'K', type: 'text', ...overrides });
    await writesNothing(async () => {
      const res = await command(
        'post',
        '/forms',
        {
          name: 'Dup',
          fields: [
            field({ key: 'a' }),
            field({ key: 'a' }),
            field({ key: 'c', type: 'single_choice', options: [] }),
            field({ key: 'd', type: 'multiple_choice', options: ['Sí', 'sí'] }),
            field({ key: 'e', type: 'number', min: 10, max: 1 }),
          ],
        },
        422,
      );
      expect(res.details.map((detail: { field: string }) => detail.field)).toEqual([
        'fields[1].key',
        'fields[2].options',
        'fields[3].options[1]',
        'fields[4].max',
      ]);
    });
    for (const bad of [
      { name: 'No fields', fields: [] },
      { name: 'Bad type', fields: [field({ type: 'colour' })] },
      { name: 'Bad key', fields: [field({ key: 'Bad Key' })] },
      { name: 'x'.repeat(101), fields: [field({})] },
      { name: 'Huge', fields: [field({ type: 'number', max: 1e300 })] },
      { name: 'NUL\u0000', fields: [field({})] },
      { name: 'Extra', fields: [field({ colour: 'red' })] },
    ])
      await writesNothing(() => command('post', '/forms', bad, 400));
  });

  it('answers 400 to hostile answers (NUL, huge or non-finite numbers, nested objects, bad keys) and 422 to an impossible day, writing nothing', async () => {
    const id = await customer();
    const formId = await defineForm();
    for (const answers of [
      { notes: 'a\u0000b' },
      { devices: 1e300 },
      { devices: 1e13 },
      { notes: { nested: true } },
      { 'Bad Key': 'x' },
      { notes: 'x'.repeat(4001) },
    ])
      await writesNothing(() => fill(id, formId, { answers }, 400));
    await writesNothing(() => fill(id, formId, { answers: 'all good' }, 400));
    await writesNothing(() => fill(id, formId, { answers: v1Answers, version: 0 }, 400));
    await writesNothing(async () => {
      const res = await http()
        .post(`/api/customers/${id}/forms/${formId}`)
        .set({ ...operator, 'Content-Type': 'application/json' })
        .send('{"answers":{"router_on":true,"lights":"Rojo","devices":1e400}}');
      expect(res.status).toBe(400);
    });
    await writesNothing(async () => {
      const res = await fill(
        id,
        formId,
        { answers: { ...v1Answers, visit_day: '2026-02-30' } },
        422,
      );
      expect(res.details).toEqual([
        expect.objectContaining({ code: 'FORM.INVALID_ANSWERS', field: 'answers.visit_day' }),
      ]);
    });
  });

  it('never answers 5xx to fuzzed answers for fills and edits; every refusal writes nothing (fast-check)', async () => {
    const id = await customer();
    const formId = await defineForm();
    const filled = await fill(id, formId, { answers: v1Answers });
    const hostile = fc.oneof(
      fc.string(),
      fc.constantFrom('2026-02-30', 'a\u0000b', '\ud800', 'Rojo', 'Salón', '', '  '),
      fc.double(),
      fc.constantFrom(1e300, -1e13, Number.MAX_SAFE_INTEGER, 51, -1, 4),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.constantFrom('Salón', 'Cocina', 'Salón', 'Garaje', ''), { maxLength: 4 }),
      fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
    );
    const keys = fc.constantFrom(...checklistV1.fields.map((f) => f.key), 'colour', 'Bad Key', '');
    const answers = fc.dictionary(keys, hostile, { maxKeys: 7 });
    const body = fc.record({ answers, version: fc.constantFrom(undefined, 1, 2, 0, 1.5) });
    let refused = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (sent, editing) => {
        const before = await countEvents(testApp);
        const res = editing
          ? await http()
              .patch(`/api/customers/${id}/forms/${filled.id}`)
              .set(operator)
              .send({ answers: sent.answers })
          : await http().post(`/api/customers/${id}/forms/${formId}`).set(operator).send(sent);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) {
          refused++;
          expect(res.body).toMatchObject({ statusCode: res.status, message: expect.any(String) });
          expect(await countEvents(testApp)).toBe(before);
        } else accepted++;
      }),
      { numRuns: 80, seed: 20261204 },
    );
    expect(refused).toBeGreaterThan(0);
    expect(refused + accepted).toBe(80);
  });

  it('answers 404 for an unknown form, customer, version or filled form, and 409 for a stale If-Match, writing nothing', async () => {
    const id = await customer();
    const formId = await defineForm();
    const filled = await fill(id, formId, { answers: v1Answers });
    await writesNothing(() => fill(id, UNKNOWN, { answers: v1Answers }, 404));
    await writesNothing(() => fill(UNKNOWN, formId, { answers: v1Answers }, 404));
    await writesNothing(() => command('post', `/forms/${UNKNOWN}/versions`, checklistV2, 404));
    await writesNothing(() => command('post', `/forms/${UNKNOWN}/retire`, {}, 404));
    await writesNothing(() =>
      command('patch', `/customers/${id}/forms/${UNKNOWN}`, { answers: { devices: 1 } }, 404),
    );
    const other = await customer('Otro SL');
    await writesNothing(() =>
      command('patch', `/customers/${other}/forms/${filled.id}`, { answers: { devices: 1 } }, 404),
    );
    await http().get(`/api/forms/${UNKNOWN}`).set(read()).expect(404);
    await http().get(`/api/forms/${formId}/versions/2`).set(read()).expect(404);
    await http().get(`/api/forms/${formId}/versions/x`).set(read()).expect(400);
    await http().get(`/api/customers/${UNKNOWN}/forms`).set(read()).expect(404);
    await http().get(`/api/customers/${other}/forms/${filled.id}`).set(read()).expect(404);
    await http().get(`/api/customers/${id}/forms`).query({ pageSize: 101 }).set(read()).expect(400);

    await command(
      'patch',
      `/customers/${id}/forms/${filled.id}`,
      { answers: { devices: 1 } },
      200,
      {
        'If-Match': '1',
      },
    );
    await writesNothing(() =>
      command('patch', `/customers/${id}/forms/${filled.id}`, { answers: { devices: 2 } }, 409, {
        'If-Match': '1',
      }),
    );
    await writesNothing(() =>
      command('post', `/forms/${formId}/versions`, checklistV2, 409, { 'If-Match': '7' }),
    );
    await http().post('/api/forms').set(auditor).send(checklistV1).expect(403);
  });

  it('keeps none of an erased customer’s answers, in the log or the read models; the fill lines stay in the history', async () => {
    const id = await customer('Olvido Formulario SL');
    const formId = await defineForm();
    const secret = 'Llave bajo la maceta azul';
    const filled = await fill(id, formId, { answers: { ...v1Answers, notes: secret } });
    await command('patch', `/customers/${id}/forms/${filled.id}`, {
      answers: { notes: `${secret} 2` },
    });
    await command('post', `/customers/${id}/erase-personal-data`);

    const [shown] = (await tab(id)).items;
    expect(shown).toMatchObject({ id: filled.id, formVersion: 1, erased: true });
    expect(shown.answers.every((answer) => answer.value === null)).toBe(true);
    expect(JSON.stringify(shown)).not.toMatch(/maceta|Rojo/);
    const history = await http().get(`/api/customers/${id}/history`).set(read()).expect(200);
    expect(JSON.stringify(history.body)).not.toMatch(/maceta/);
    const raw = await testApp.app
      .get<SqlDatabase>(SQL_DATABASE)
      .query('SELECT data FROM es_events WHERE stream_id = $1', [`filled-form-${filled.id}`]);
    expect(raw.rows).toHaveLength(2);
    expect(JSON.stringify(raw.rows)).not.toMatch(/maceta|Rojo/);
    const events = await http()
      .get('/api/audit/events')
      .query({ stream: `filled-form-${filled.id}` })
      .set(auditor)
      .expect(200);
    expect(events.body.items[0].data).toMatchObject({ answers: {}, formVersion: 1 });
    expect(events.body.items[1].data).toMatchObject({ answers: {}, changes: [] });
    await writesNothing(() => fill(id, formId, { answers: v1Answers }, 422));
  });
});
