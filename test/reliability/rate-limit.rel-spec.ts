import request from 'supertest';
import { recordFigure, storageInUse } from './support/reliability-figures';
import { startTestApp, TEST_API_KEYS, TestApp } from '../support/test-app';

describe('rate limiting per API key', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => testApp.close());

  it('answers 429 with the error shape past the limit, counting each key separately', async () => {
    const http = () => request(testApp.app.getHttpServer());
    const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await http().get('/api/customers').set(auditor)).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await http().get('/api/customers').set(auditor);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    await http()
      .get('/api/customers')
      .set({ Authorization: `Bearer ${TEST_API_KEYS.operator}` })
      .expect(200);
    recordFigure('rate-limit', {
      guarantee:
        'Rate limit per API key (@nestjs/throttler): 429 with the error shape past the limit',
      test: 'test/reliability/rate-limit.rel-spec.ts',
      figure: `limit 5/min: requests 1–5 answered 200, 6–8 answered 429; another key still 200`,
      storage: storageInUse(),
    });
  });
});
