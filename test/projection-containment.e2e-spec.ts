import { PassThrough } from 'node:stream';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { customerStream } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { DataSource } from 'typeorm';
import { ProjectionRunner } from '@app/read-models';
import { AppConfig } from '@app/application';
import { PROJECTION_RUNNER, READ_MODELS } from '@app/application';
import { APP_CONFIG } from '@app/application';
import { CliOutput } from '../apps/cli/src/cli-output';
import { RebuildCommand } from '../apps/cli/src/rebuild/rebuild.command';
import { ReplayParkedCommand } from '../apps/cli/src/replay-parked/replay-parked.command';
import { startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };

/** A CliOutput that keeps its messages. */
class CapturedOutput extends CliOutput {
  messages = '';
  override readonly stderr = new PassThrough().on('data', (chunk: Buffer) => {
    this.messages += chunk.toString();
  });
}

describe('containment: one customer an event cannot be projected for stops no one else', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => {
    process.exitCode = 0;
    await testApp.close();
  });

  const register = async (name: string) =>
    (
      await http()
        .post('/api/customers')
        .set(operator)
        .send({ personType: 'legal', name })
        .expect(201)
    ).body as { id: string; position: number };

  /**
   * A registration whose name holds a NUL, appended through the EventStore port (as an older
   * version of the service did, before the boundary refused it): the log takes it, sealed.
   */
  async function appendPoisonedRegistration(modelId: string): Promise<string> {
    const store = testApp.app.get<EventStore>(EVENT_STORE);
    const [registered] = await store.readStream(customerStream(modelId));
    const customerId = randomUUID();
    await store.append(customerStream(customerId), [
      {
        type: registered.type,
        data: { ...(registered.data as object), customerId, name: 'Ab\u0000cd' },
      },
    ]);
    return customerId;
  }

  it('parks the event, serves every other customer, reports it, erases it, and replay-parked applies it', async () => {
    const model = await register('Modelo SL');
    const poisoned = await appendPoisonedRegistration(model.id);
    const after = await register('Posterior SL');

    // Read-your-writes for everyone else: no 503, the checkpoints passed the parked event.
    const file = await http()
      .get(`/api/customers/${after.id}`)
      .set({ ...operator, 'X-Min-Position': String(after.position) })
      .expect(200);
    expect(file.body.name).toBe('Posterior SL');
    await http()
      .get(`/api/customers/${poisoned}`)
      .set({ ...operator, 'X-Min-Position': String(after.position) })
      .expect(404);

    const health = await http().get('/api/health').expect(200);
    expect(health.body.status).toBe('degraded');
    expect(health.body.info.database.status).toBe('up');
    expect(Object.keys(health.body.error.projections.parked)).toContain('customer-file');
    expect(health.body.error.projections.message).toContain('customer-file');

    await http().get('/api/audit/projection-failures').set(operator).expect(403);
    const failures = await http().get('/api/audit/projection-failures').set(auditor).expect(200);
    const fileFailure = failures.body.items.find(
      (item: { projection: string }) => item.projection === 'customer-file',
    );
    expect(fileFailure).toMatchObject({
      stream: customerStream(poisoned),
      revision: 0,
      type: 'CustomerRegistered',
      errorCode: expect.stringMatching(/^22/),
      attempts: 1,
      blockedBy: null,
    });
    expect(typeof fileFailure.error).toBe('string');
    expect(new Date(fileFailure.parkedAt).getTime()).not.toBeNaN();
    expect(failures.body.parkedByProjection['customer-file']).toBe(1);

    // The erasure command reads the read models caught up with the log: it answers, and the
    // name is shredded — which is the fix here: the parked events now read as erased.
    const erased = await http()
      .post(`/api/customers/${poisoned}/erase-personal-data`)
      .set(operator)
      .expect(200);
    // The erasure's event waits behind the parked registration for the customer file.
    await http()
      .get(`/api/customers/${after.id}`)
      .set({ ...operator, 'X-Min-Position': String(erased.body.position) })
      .expect(200);

    const output = new CapturedOutput();
    const command = new ReplayParkedCommand(
      testApp.app.get<EventStore>(EVENT_STORE),
      testApp.app.get<DataSource>(READ_MODELS),
      output,
    );
    await command.run(['customer-file']);
    expect(output.failed).toBe(false);
    expect(output.messages).toMatch(/customer-file: 2 applied, 0 still failing/);

    const replayed = await http()
      .get(`/api/customers/${poisoned}`)
      .set({ ...operator, 'X-Min-Position': String(erased.body.position) })
      .expect(200);
    expect(replayed.body.name).toBe('[erased]');
    const remaining = await http()
      .get('/api/audit/projection-failures?projection=customer-file')
      .set(auditor)
      .expect(200);
    expect(remaining.body.items).toEqual([]);

    // The other projections that parked it (the history tab) too; then healthy again.
    await command.run([]);
    expect(output.failed).toBe(false);
    const all = await http().get('/api/audit/projection-failures').set(auditor).expect(200);
    expect(all.body).toEqual({ parkedByProjection: {}, items: [] });
    const healthy = await http().get('/api/health').expect(200);
    expect(healthy.body.status).toBe('ok');
    expect(healthy.body.error).toEqual({});
  });

  it("rebuild forgets the projection's parked events and parks again what still fails", async () => {
    const model = await register('Reconstruida SL');
    const poisoned = await appendPoisonedRegistration(model.id);
    const after = await register('Tras la reconstrucción SL');
    await http()
      .get(`/api/customers/${after.id}`)
      .set({ ...operator, 'X-Min-Position': String(after.position) })
      .expect(200);
    const parkedFor = async () =>
      (
        await http()
          .get('/api/audit/projection-failures?projection=customer-file')
          .set(auditor)
          .expect(200)
      ).body.items as { stream: string }[];
    expect((await parkedFor()).map((item) => item.stream)).toEqual([customerStream(poisoned)]);
    // A parked row a rebuild must forget: the later customer's registration, as if it had failed.
    const readModels = testApp.app.get<DataSource>(READ_MODELS);
    await readModels.query(
      `INSERT INTO projection_parked_events
         (projection, position, event_id, stream_id, revision, event_type, error_code, error_message)
       SELECT 'customer-file', position, event_id, stream_id, revision, event_type, 'Error', 'stale'
       FROM es_events WHERE stream_id = $1`,
      [customerStream(after.id)],
    );
    expect(await parkedFor()).toHaveLength(2);

    // As docs/cli.md says: the runner stopped while the CLI rebuilds.
    const runner = testApp.app.get<ProjectionRunner>(PROJECTION_RUNNER);
    await runner.stop();
    try {
      const output = new CapturedOutput();
      await new RebuildCommand(
        testApp.app.get<EventStore>(EVENT_STORE),
        testApp.app.get<DataSource>(READ_MODELS),
        testApp.app.get<AppConfig>(APP_CONFIG),
        output,
      ).run(['customer-file']);
      expect(output.messages).toContain('customer-file: 1 event(s) parked');
    } finally {
      runner.start();
    }
    expect((await parkedFor()).map((item) => item.stream)).toEqual([customerStream(poisoned)]);
    await http()
      .get(`/api/customers/${after.id}`)
      .set({ ...operator, 'X-Min-Position': String(after.position) })
      .expect(200);
  });

  it('replay-parked refuses an unknown projection, naming the known ones', async () => {
    const output = new CapturedOutput();
    await new ReplayParkedCommand(
      testApp.app.get<EventStore>(EVENT_STORE),
      testApp.app.get<DataSource>(READ_MODELS),
      output,
    ).run(['nowhere']);
    expect(output.failed).toBe(true);
    expect(output.messages).toContain('customer-file');
  });
});
