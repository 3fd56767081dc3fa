import { QueryFailedError } from 'typeorm';
import { isConnectionError } from './connection-errors';

/** An error as `pg` builds it from a server's ErrorResponse: a message and a SQLSTATE. */
const serverError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('isConnectionError', () => {
  it.each([
    [
      '57P01 admin shutdown (a restart)',
      serverError('57P01', 'terminating connection due to administrator command'),
    ],
    [
      '57P02 crash shutdown',
      serverError('57P02', 'terminating connection because of crash of another server process'),
    ],
    ['57P03 cannot connect now', serverError('57P03', 'the database system is starting up')],
    ['08006 connection failure', serverError('08006', 'connection failure')],
    ['08P01 protocol violation', serverError('08P01', 'protocol violation')],
    ['ECONNREFUSED', serverError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['ECONNRESET', serverError('ECONNRESET', 'read ECONNRESET')],
    ['EPIPE', serverError('EPIPE', 'write EPIPE')],
    ['ETIMEDOUT', serverError('ETIMEDOUT', 'connect ETIMEDOUT')],
    ['pg: connection ended', new Error('Connection terminated unexpectedly')],
    [
      'pg: client broken',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    ['pg-pool: connect timeout', new Error('timeout exceeded when trying to connect')],
  ])('%s is one', (_, error) => {
    expect(isConnectionError(error)).toBe(true);
  });

  it('sees through wrappers: TypeORM driverError, cause, AggregateError', () => {
    const terminated = serverError('57P01', 'terminating connection due to administrator command');
    expect(isConnectionError(new QueryFailedError('SELECT 1', [], terminated))).toBe(true);
    expect(isConnectionError(new Error('append failed', { cause: terminated }))).toBe(true);
    expect(
      isConnectionError(
        new AggregateError([serverError('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432')], ''),
      ),
    ).toBe(true);
  });

  it.each([
    ['23505 unique violation', serverError('23505', 'duplicate key value')],
    [
      '22021 bad encoding (a data error)',
      serverError('22021', 'invalid byte sequence for encoding "UTF8": 0x00'),
    ],
    ['40001 serialization failure', serverError('40001', 'could not serialize access')],
    ['57014 query canceled', serverError('57014', 'canceling statement due to statement timeout')],
    [
      'a wrapped data error',
      new QueryFailedError('INSERT', [], serverError('22P02', 'invalid input')),
    ],
    ['a RangeError', new RangeError('amount must be a whole number of cents')],
    ['a string', 'Connection terminated'],
    ['undefined', undefined],
    ['null', null],
  ])('%s is not', (_, error) => {
    expect(isConnectionError(error)).toBe(false);
  });

  it('stops at a cycle of causes', () => {
    const error = new Error('loop') as Error & { cause?: unknown };
    error.cause = error;
    expect(isConnectionError(error)).toBe(false);
  });
});
