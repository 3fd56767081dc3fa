import request from 'supertest';
import { SqlDatabase } from '@app/database';
import { SQL_DATABASE } from '../apps/api/src/infrastructure/tokens';
import { startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };

describe('POST /customers/:id/erase-personal-data', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('erases the personal data from the file, the log as read, and the export; the raw log never held it in clear', async () => {
    const { id } = (
      await http()
        .post('/api/customers')
        .set(operator)
        .send({ name: 'Secreto Olvidable SL', email: 'olvido@example.com', zone: 'Este' })
        .expect(201)
    ).body;
    await http().post(`/api/customers/${id}/erase-personal-data`).set(auditor).expect(403);
    const { position } = (
      await http().post(`/api/customers/${id}/erase-personal-data`).set(operator).expect(200)
    ).body;

    const file = await http()
      .get(`/api/customers/${id}`)
      .set({ ...operator, 'X-Min-Position': String(position) })
      .expect(200);
    expect(JSON.stringify(file.body)).not.toMatch(/Secreto|olvido@/);
    expect(file.body).toMatchObject({ zone: 'Este' });
    const events = await http()
      .get('/api/audit/events')
      .query({ stream: `customer-${id}` })
      .set(auditor)
      .expect(200);
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual([
      'CustomerRegistered',
      'CustomerPersonalDataErased',
    ]);
    expect(events.body.items[0].data).toMatchObject({
      name: '[erased]',
      email: null,
      zone: 'Este',
    });
    const csv = await http()
      .get('/api/customers/export.csv')
      .set({ ...operator, 'X-Min-Position': String(position) })
      .expect(200);
    expect(csv.text).not.toMatch(/Secreto|olvido@/);
    const raw = await testApp.app
      .get<SqlDatabase>(SQL_DATABASE)
      .query('SELECT data FROM es_events WHERE stream_id = $1', [`customer-${id}`]);
    expect(JSON.stringify(raw.rows)).not.toMatch(/Secreto|olvido@/);

    const again = await http().post(`/api/customers/${id}/erase-personal-data`).set(operator);
    expect(again.status).toBe(422);
    expect(again.body.message).toContain('already erased');
    await http().patch(`/api/customers/${id}`).set(operator).send({ zone: 'x' }).expect(422);
  });
});
