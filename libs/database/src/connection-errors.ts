/**
 * SQLSTATEs that mean the connection, not the statement, failed: 57P01 admin shutdown (a
 * restart or `pg_terminate_backend`), 57P02 crash shutdown, 57P03 cannot connect now
 * (starting up or shutting down), and class 08 (connection exception).
 */
const CONNECTION_SQLSTATES = new Set(['57P01', '57P02', '57P03']);
const CONNECTION_SQLSTATE_CLASS = '08';
/** Socket errors of a server that went away or is not listening (yet). */
const SOCKET_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/** What `pg` and `pg-pool` say when a connection ended or never came, without a code. */
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'Connection ended',
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * Whether `error` says the database cannot be reached right now (restart, failover, network),
 * so the same request may succeed later: the caller should retry, not treat it as a fault of
 * the data. Looks through wrappers: TypeORM's `driverError`, `cause`, an AggregateError's
 * `errors` (what `net` throws when every address of a host refused).
 */
export function isConnectionError(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const candidate = error as ErrorLike;
  if (typeof candidate.code === 'string') {
    const code = candidate.code;
    if (CONNECTION_SQLSTATES.has(code) || SOCKET_ERROR_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && code.startsWith(CONNECTION_SQLSTATE_CLASS)) return true;
  }
  if (
    typeof candidate.message === 'string' &&
    CONNECTION_MESSAGES.some((message) => (candidate.message as string).includes(message))
  ) {
    return true;
  }
  if (Array.isArray(candidate.errors)) {
    if (candidate.errors.some((inner) => isConnectionError(inner, depth + 1))) return true;
  }
  return (
    isConnectionError(candidate.driverError, depth + 1) ||
    isConnectionError(candidate.cause, depth + 1)
  );
}
