import { ArgumentsHost, Logger } from '@nestjs/common';
import { WrongExpectedRevisionError } from '@app/event-store';
import { QueryFailedError } from 'typeorm';
import { ErrorResponseFilter } from './error-response.filter';

const terminated = Object.assign(new Error('terminating connection due to administrator command'), {
  code: '57P01',
});

/** The filter's answer to `error`: status, headers and body, as Express would send them. */
function answer(error: unknown) {
  const sent = { status: 0, headers: {} as Record<string, string>, body: undefined as unknown };
  const res = {
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
  new ErrorResponseFilter().catch(error, host);
  return sent;
}

describe('ErrorResponseFilter: the database unreachable', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it.each([
    ['a pg error 57P01 (restart)', terminated],
    ['TypeORM QueryFailedError around it', new QueryFailedError('SELECT 1', [], terminated)],
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    ['a connection ended mid-query', new Error('Connection terminated unexpectedly')],
  ])('%s: 503 DATABASE_UNAVAILABLE with Retry-After: 2', (_, error) => {
    const sent = answer(error);
    expect(sent.status).toBe(503);
    expect(sent.headers['Retry-After']).toBe('2');
    expect(sent.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'The database is unavailable; retry shortly.',
      details: [
        { code: 'DATABASE_UNAVAILABLE', message: 'The database is unavailable; retry shortly.' },
      ],
    });
  });

  it('a data error from the database stays a 500, without Retry-After', () => {
    const badBytes = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      code: '22021',
    });
    const sent = answer(new QueryFailedError('INSERT', [], badBytes));
    expect(sent.status).toBe(500);
    expect(sent.headers['Retry-After']).toBeUndefined();
  });
});

describe('ErrorResponseFilter: a stale version', () => {
  it.each([
    ['If-Match 1 on a stream of 3 events', 0n, 2n, 1, 3],
    ['If-Match 0 (a new stream) on one that exists', 'no_stream' as const, 0n, 0, 1],
    ['If-Match 2 on a stream that does not exist', 1n, 'no_stream' as const, 2, 0],
    ['no version expected (any)', 'any' as const, 4n, null, 5],
  ])('%s: 409 STALE_VERSION in versions, as numbers', (_, expected, actual, version, now) => {
    const sent = answer(new WrongExpectedRevisionError('customer-1', expected, actual));
    expect(sent.status).toBe(409);
    expect(sent.body).toMatchObject({
      statusCode: 409,
      details: [{ code: 'STALE_VERSION', expected: version, actual: now }],
    });
  });
});
