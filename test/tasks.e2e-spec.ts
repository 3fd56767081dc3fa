import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import request from 'supertest';
import { currentBootId, SqlDatabase } from '@app/database';
import { SQL_DATABASE } from '@app/application';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };
const UNKNOWN = '3f1c1a52-8d7e-4b7a-9a55-1d2f8c7b6e10';
const DAY = '2031-03-12';

interface Entry {
  id: string;
  title: string;
  status: string;
  time: string;
}

/** Rule 24 over HTTP: tasks created from the file, their actions, the calendars, the history. */
describe('tasks and calendar over HTTP (rule 24)', () => {
  let testApp: TestApp;
  let position = 0;
  const http = () => request(testApp.app.getHttpServer());
  const read = () => ({ ...auditor, 'X-Min-Position': String(position) });
  /** Each test's own assignee, so the calendars across customers show only its tasks. */
  const anAssignee = () => `Luis ${randomUUID().slice(0, 8)}`;

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
  async function customer(name: string, street: string): Promise<string> {
    const body = {
      personType: 'legal',
      name,
      email: `${randomUUID()}@example.com`,
      address: { street, city: 'Madrid', postalCode: '28013', country: 'ES' },
    };
    return (await command('post', '/customers', body, 201)).id;
  }
  const aTask = (assignee: string, overrides: object = {}) => ({
    type: 'call',
    colour: '#ff8800',
    title: 'Call about the router',
    date: DAY,
    time: '10:00',
    durationMinutes: 30,
    assignee,
    ...overrides,
  });
  const createTask = async (customerId: string, body: object): Promise<string> =>
    (await command('post', `/customers/${customerId}/tasks`, body, 201)).id;

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('creates a task with the customer’s current name and main address filled in', async () => {
    const id = await customer('Bar Pepe SL', 'Calle Mayor 1');
    await command('patch', `/customers/${id}`, { address: { street: 'Calle Nueva 2' } });
    const created = await command('post', `/customers/${id}/tasks`, aTask(anAssignee()), 201);
    expect(created).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    const task = await http().get(`/api/tasks/${created.id}`).set(read()).expect(200);
    expect(task.body).toMatchObject({
      id: created.id,
      customerId: id,
      type: 'call',
      colour: '#FF8800',
      title: 'Call about the router',
      date: DAY,
      time: '10:00',
      durationMinutes: 30,
      status: 'open',
      customerName: 'Bar Pepe SL',
      customerAddress: { street: 'Calle Nueva 2', city: 'Madrid', postalCode: '28013' },
      copiedFrom: null,
      version: 1,
    });
  });

  it('lists the day in seed 004’s order — in progress, open, not attended, completed — then by time, across customers', async () => {
    const assignee = anAssignee();
    const ana = await customer('Ana SL', 'Calle A 1');
    const bea = await customer('Bea SL', 'Calle B 2');
    const completed = await createTask(ana, aTask(assignee, { title: 'done', time: '08:00' }));
    const notAttended = await createTask(ana, aTask(assignee, { title: 'missed', time: '09:00' }));
    await createTask(ana, aTask(assignee, { title: 'open late', time: '10:00' }));
    const started = await createTask(ana, aTask(assignee, { title: 'started', time: '11:00' }));
    await createTask(bea, aTask(assignee, { title: 'open early', time: '07:00', type: 'meeting' }));
    await createTask(bea, aTask(assignee, { title: 'next day', date: '2031-03-13' }));
    await command('post', `/tasks/${completed}/complete`);
    await command('post', `/tasks/${notAttended}/not-attended`);
    await command('post', `/tasks/${started}/start`);

    const day = await http()
      .get('/api/tasks')
      .query({ day: DAY, assignee })
      .set(read())
      .expect(200);
    expect(day.body.day).toBe(DAY);
    expect(day.body.entries.map((entry: Entry) => [entry.status, entry.title])).toEqual([
      ['in_progress', 'started'],
      ['open', 'open early'],
      ['open', 'open late'],
      ['not_attended', 'missed'],
      ['completed', 'done'],
    ]);
    expect(day.body.entries[1]).toMatchObject({
      type: 'meeting',
      colour: '#FF8800',
      customerName: 'Bea SL',
      customerAddress: { street: 'Calle B 2' },
      assignee,
    });

    const month = await http()
      .get('/api/tasks')
      .query({ month: '2031-03', assignee })
      .set(read())
      .expect(200);
    expect(month.body.month).toBe('2031-03');
    expect(month.body.days).toHaveLength(31);
    const byDate = (date: string) =>
      month.body.days.find((entry: { date: string }) => entry.date === date);
    expect(byDate(DAY)).toMatchObject({
      count: 5,
      byStatus: { in_progress: 1, open: 2, not_attended: 1, completed: 1 },
    });
    expect(byDate(DAY).entries.map((entry: Entry) => entry.title)).toEqual([
      'started',
      'open early',
      'open late',
      'missed',
      'done',
    ]);
    expect(byDate('2031-03-13')).toMatchObject({ count: 1, byStatus: { open: 1 } });
    expect(byDate('2031-03-01')).toMatchObject({ count: 0, entries: [] });

    const tab = await http().get(`/api/customers/${bea}/tasks`).set(read()).expect(200);
    expect(tab.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(tab.body.items.map((entry: Entry) => entry.title)).toEqual(['open early', 'next day']);
  });

  it('copies, edits, completes and marks not attended, each a line on the customer’s history tab', async () => {
    const assignee = anAssignee();
    const id = await customer('Carla SL', 'Calle C 3');
    const taskId = await createTask(id, aTask(assignee, { description: 'Bring a spare router' }));
    await command('post', `/tasks/${taskId}/complete`);

    const copy = await command(
      'post',
      `/tasks/${taskId}/copy`,
      { date: '2031-03-20', time: '16:00' },
      201,
    );
    expect(copy).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    expect(copy.id).not.toBe(taskId);
    const copied = await http().get(`/api/tasks/${copy.id}`).set(read()).expect(200);
    expect(copied.body).toMatchObject({
      status: 'open',
      date: '2031-03-20',
      time: '16:00',
      title: 'Call about the router',
      description: 'Bring a spare router',
      customerName: 'Carla SL',
      copiedFrom: taskId,
    });

    const edited = await command(
      'patch',
      `/tasks/${copy.id}`,
      { title: 'Visit instead', type: 'meeting', colour: '#00aa00', time: '17:30' },
      200,
      { 'If-Match': '1' },
    );
    expect(edited).toMatchObject({ id: copy.id, version: 2 });
    await command('post', `/tasks/${copy.id}/not-attended`);

    const history = await http().get(`/api/customers/${id}/history`).set(read()).expect(200);
    const lines = history.body.items as { summary: string; changes: unknown[] }[];
    expect(lines.map((line) => line.summary).slice(0, 6)).toEqual([
      'Task marked not attended',
      'Task edited: type, colour, title, time',
      // The copy is created first, then the source records it, in the same append.
      'Task copied to 2031-03-20 16:00',
      'Call copied to 2031-03-20 16:00: Call about the router',
      'Task completed',
      `Call created: Call about the router (${DAY} 10:00)`,
    ]);
    expect(lines[1].changes).toEqual([
      { field: 'type', before: 'call', after: 'meeting' },
      { field: 'colour', before: '#FF8800', after: '#00AA00' },
      { field: 'title', before: 'Call about the router', after: 'Visit instead' },
      { field: 'time', before: '16:00', after: '17:30' },
    ]);
  });

  it('refuses what the statuses do not allow (422, rule codes), writing nothing', async () => {
    const id = await customer('Dora SL', 'Calle D 4');
    const taskId = await createTask(id, aTask(anAssignee()));
    await command('post', `/tasks/${taskId}/complete`);
    for (const action of ['complete', 'not-attended', 'start'])
      await writesNothing(async () => {
        const res = await command('post', `/tasks/${taskId}/${action}`, {}, 422);
        expect(res.details[0]).toMatchObject({ code: 'R24.ILLEGAL_TRANSITION' });
      });
    await writesNothing(async () => {
      const res = await command('patch', `/tasks/${taskId}`, { title: 'Late' }, 422);
      expect(res.details[0]).toMatchObject({ code: 'R24.COMPLETED_IS_FINAL' });
    });
    await writesNothing(async () => {
      const res = await command(
        'post',
        `/customers/${id}/tasks`,
        aTask('Luis', { title: '  ' }),
        422,
      );
      expect(res.details).toEqual([
        expect.objectContaining({ code: 'R24.INVALID_INPUT', field: 'title' }),
      ]);
    });
  });

  it('answers 404 for an unknown customer or task, and 409 for a stale If-Match, writing nothing', async () => {
    await writesNothing(() => command('post', `/customers/${UNKNOWN}/tasks`, aTask('Luis'), 404));
    for (const action of ['complete', 'start', 'not-attended'])
      await writesNothing(() => command('post', `/tasks/${UNKNOWN}/${action}`, {}, 404));
    await writesNothing(() => command('patch', `/tasks/${UNKNOWN}`, { title: 'x' }, 404));
    await writesNothing(() =>
      command('post', `/tasks/${UNKNOWN}/copy`, { date: DAY, time: '10:00' }, 404),
    );
    await http().get(`/api/tasks/${UNKNOWN}`).set(read()).expect(404);
    await http().get(`/api/customers/${UNKNOWN}/tasks`).set(read()).expect(404);

    const id = await customer('Eva SL', 'Calle E 5');
    const taskId = await createTask(id, aTask(anAssignee()));
    await command('patch', `/tasks/${taskId}`, { title: 'First edit' }, 200, { 'If-Match': '1' });
    await writesNothing(async () => {
      const res = await command('patch', `/tasks/${taskId}`, { title: 'Stale' }, 409, {
        'If-Match': '1',
      });
      expect(res.details[0]).toMatchObject({ code: 'STALE_VERSION', expected: 1, actual: 2 });
    });
    await writesNothing(() =>
      command('post', `/tasks/${taskId}/copy`, { date: DAY, time: '12:00' }, 409, {
        'If-Match': '1',
      }),
    );
  });

  it('answers a repeated Idempotency-Key with the first answer, writing once — a copy with the copy', async () => {
    const id = await customer('Flor SL', 'Calle F 6');
    const key = { 'Idempotency-Key': `task-${randomUUID()}` };
    const body = aTask(anAssignee());
    const first = await command('post', `/customers/${id}/tasks`, body, 201, key);
    await writesNothing(async () => {
      expect(await command('post', `/customers/${id}/tasks`, body, 201, key)).toEqual(first);
    });
    const copyKey = { 'Idempotency-Key': `copy-${randomUUID()}` };
    const when = { date: DAY, time: '18:00' };
    const copy = await command('post', `/tasks/${first.id}/copy`, when, 201, copyKey);
    await writesNothing(async () => {
      expect(await command('post', `/tasks/${first.id}/copy`, when, 201, copyKey)).toEqual(copy);
    });
  });

  it('answers the retry of a copy whose process died after the append with the copy, rebuilt from the log', async () => {
    const id = await customer('Hada SL', 'Calle H 8');
    const taskId = await createTask(id, aTask(anAssignee()));
    const database = testApp.app.get<SqlDatabase>(SQL_DATABASE);
    const head = async () =>
      Number(
        (
          await database.query<{ head: string | null }>(
            'SELECT max(position) AS head FROM es_events',
          )
        ).rows[0].head ?? 0,
      );
    const key = `copy-${randomUUID()}`;
    const when = { date: DAY, time: '19:00' };
    const before = await head();
    const first = await command('post', `/tasks/${taskId}/copy`, when, 201, {
      'Idempotency-Key': key,
    });
    // As a process killed after the append, before answering, leaves the key.
    const exited = spawnSync(process.execPath, ['-e', '0']).pid;
    const owner = {
      instance: 'the-process-that-died',
      pid: exited,
      hostname: hostname(),
      bootId: currentBootId(),
    };
    await database.query(
      `UPDATE idempotency_keys SET status = 'pending', response_status = NULL,
         response_body = NULL, owner = $2, log_head = $3 WHERE key = $1`,
      [key, JSON.stringify(owner), before],
    );
    await writesNothing(async () => {
      const retry = await http()
        .post(`/api/tasks/${taskId}/copy`)
        .set({ ...operator, 'Idempotency-Key': key })
        .send(when)
        .expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first);
    });
  });

  it('refuses hostile input with 400, writing nothing', async () => {
    const id = await customer('Gala SL', 'Calle G 7');
    const taskId = await createTask(id, aTask(anAssignee()));
    const bad: object[] = [
      { colour: 'red' },
      { colour: '#12345' },
      { date: '2026-02-30' },
      { date: '2031-13-01' },
      { time: '25:00' },
      { time: '9:00' },
      { type: 'visit' },
      { title: 'a\u0000b' },
      { title: 'x'.repeat(10_000) },
      { description: 'y'.repeat(100_000) },
      { durationMinutes: 0 },
      { assignee: 42 },
    ];
    for (const overrides of bad) {
      await writesNothing(() =>
        command('post', `/customers/${id}/tasks`, aTask('Luis', overrides), 400),
      );
      await writesNothing(() => command('patch', `/tasks/${taskId}`, overrides, 400));
    }
    await writesNothing(() =>
      command('post', `/tasks/${taskId}/copy`, { date: '2031-02-29', time: '10:00' }, 400),
    );
    await writesNothing(() => command('post', `/customers/not-a-uuid/tasks`, aTask('Luis'), 400));
    for (const query of [
      {},
      { day: DAY, month: '2031-03' },
      { day: '2031-02-30' },
      { month: '2031-13' },
    ])
      await http().get('/api/tasks').query(query).set(read()).expect(400);
  });

  it('keeps none of an erased customer’s name or address, in the log or the read models', async () => {
    const id = await customer('Olvido Tarea SL', 'Calle Secreta 9');
    const taskId = await createTask(id, aTask(anAssignee()));
    await command('post', `/tasks/${taskId}/start`);
    await command('post', `/customers/${id}/erase-personal-data`);

    const task = await http().get(`/api/tasks/${taskId}`).set(read()).expect(200);
    expect(task.body).toMatchObject({ customerName: '[erased]', status: 'in_progress' });
    expect(JSON.stringify(task.body)).not.toMatch(/Olvido|Secreta/);
    const tab = await http().get(`/api/customers/${id}/tasks`).set(read()).expect(200);
    expect(JSON.stringify(tab.body)).not.toMatch(/Olvido|Secreta/);
    const day = await http().get('/api/tasks').query({ day: DAY }).set(read()).expect(200);
    expect(JSON.stringify(day.body)).not.toMatch(/Olvido|Secreta/);
    const history = await http().get(`/api/customers/${id}/history`).set(read()).expect(200);
    expect(JSON.stringify(history.body)).not.toMatch(/Olvido|Secreta/);
    const raw = await testApp.app
      .get<SqlDatabase>(SQL_DATABASE)
      .query('SELECT data FROM es_events WHERE stream_id = $1', [`task-${taskId}`]);
    expect(raw.rows).toHaveLength(2);
    expect(JSON.stringify(raw.rows)).not.toMatch(/Olvido|Secreta/);
    const events = await http()
      .get('/api/audit/events')
      .query({ stream: `task-${taskId}` })
      .set(auditor)
      .expect(200);
    expect(events.body.items[0].data).toMatchObject({ customerName: '[erased]' });
    await writesNothing(() =>
      command('post', `/tasks/${taskId}/copy`, { date: DAY, time: '10:00' }, 422),
    );
    await writesNothing(() => command('post', `/customers/${id}/tasks`, aTask('Luis'), 422));
  });
});
