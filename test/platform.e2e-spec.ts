import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

describe('the API platform: health, OpenAPI docs, error shape', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('reports the database and the event store healthy at /api/health', async () => {
    const res = await request(testApp.app.getHttpServer()).get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.database.status).toBe('up');
    expect(res.body.info.eventStore.status).toBe('up');
  });

  it('serves the OpenAPI document at /api/docs-json and the UI at /api/docs', async () => {
    const server = testApp.app.getHttpServer();
    const json = await request(server).get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toContain('/api/health');
    await request(server).get('/api/docs').expect(200);
  });

  it('answers an unknown route with the error shape of API.md', async () => {
    const res = await request(testApp.app.getHttpServer()).get('/api/nowhere').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(typeof res.body.message).toBe('string');
  });
});
