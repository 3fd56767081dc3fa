import { PostgresDatabase, quoteIdentifier } from '@app/database';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startTestApp, TEST_API_KEYS } from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const databaseUrl = process.env.DATABASE_URL;

describe(`restarting the app (${databaseUrl ? 'PostgreSQL' : 'PGlite in a data directory'})`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'billing-restart-'));
  const schema = `e2e_restart_${Date.now().toString(36)}`;
  const storage: Record<string, string> = databaseUrl
    ? { DATABASE_SCHEMA: schema }
    : { DATA_DIR: dataDir };

  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (databaseUrl) {
      const db = await PostgresDatabase.open({ connectionString: databaseUrl });
      await db.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
      await db.close();
    }
  });

  it('loses nothing, and projections resume where they stopped without applying twice', async () => {
    const first = await startTestApp(storage);
    const a = await request(first.app.getHttpServer())
      .post('/api/customers')
      .set(operator)
      .send({ name: 'Antes del reinicio SL', zone: 'one' })
      .expect(201);
    await request(first.app.getHttpServer())
      .get(`/api/customers/${a.body.id}`)
      .set({ ...operator, 'X-Min-Position': String(a.body.position) })
      .expect(200);
    await first.close();

    // While no projection runs, commands still land in the log.
    const second = await startTestApp({ ...storage, PROJECTIONS_IN_PROCESS: 'false' });
    const b = await request(second.app.getHttpServer())
      .post('/api/customers')
      .set(operator)
      .send({ name: 'Durante la parada SL' })
      .expect(201);
    const edit = await request(second.app.getHttpServer())
      .patch(`/api/customers/${a.body.id}`)
      .set(operator)
      .send({ zone: 'two' })
      .expect(200);
    await second.close();

    const third = await startTestApp(storage);
    const http = () => request(third.app.getHttpServer());
    const wait = {
      ...operator,
      'X-Min-Position': String(Math.max(b.body.position, edit.body.position)),
    };
    const fileA = await http().get(`/api/customers/${a.body.id}`).set(wait).expect(200);
    expect(fileA.body.zone).toBe('two');
    await http().get(`/api/customers/${b.body.id}`).set(wait).expect(200);
    const history = await http().get(`/api/customers/${a.body.id}/history`).set(wait).expect(200);
    expect(history.body.items.map((item: { eventType: string }) => item.eventType)).toEqual([
      'CustomerDetailsEdited',
      'CustomerRegistered',
    ]);
    await third.close();
  }, 60000);
});
