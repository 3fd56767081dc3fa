/**
 * Whether a failure to apply an event is the event's own (bad data, a bug in the projection)
 * and so parks it, or the database's (a lost connection, a restart, a deadlock) and so is
 * retried. Only SQLSTATE classes that come from the data park: 21 cardinality, 22 data
 * exception (a NUL, an invalid byte sequence, a number out of range), 23 integrity
 * constraint, 54 program limit, P0 a PL/pgSQL RAISE. Any other SQLSTATE (08 connection,
 * 40 rollback, 53 resources, 57 operator intervention…) and any system error (ECONNRESET)
 * is retried. An exception with neither, thrown by projection code, parks — unless its
 * message tells of a lost or closed connection (the pg client's own errors carry no code).
 */
export function isEventFailure(error: unknown): boolean {
  const state = sqlState(error);
  if (state !== undefined) return PARKED_SQLSTATE_CLASSES.includes(state.slice(0, 2));
  if (systemErrorCode(error) !== undefined) return false;
  return !CONNECTION_LOST.test(messageOf(error));
}

const PARKED_SQLSTATE_CLASSES = ['21', '22', '23', '54', 'P0'];

/** The pg, PGlite and TypeORM messages of a connection gone, which carry no SQLSTATE. */
const CONNECTION_LOST =
  /connection|terminat|not queryable|is closed|was closed|already released|socket|timeout/i;

/** What the parked row keeps as the error's code: its SQLSTATE, system code or name. */
export function errorCodeOf(error: unknown): string {
  return (
    sqlState(error) ??
    systemErrorCode(error) ??
    (error instanceof Error ? error.name : typeof error)
  );
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The SQLSTATE of a driver error, or of the one TypeORM wrapped (`driverError`, `cause`). */
function sqlState(error: unknown): string | undefined {
  return codesOf(error).find((code) => /^[0-9A-Z]{5}$/.test(code) && /\d/.test(code));
}

/** A Node system error's code (`ECONNRESET`, `EPIPE`…). */
function systemErrorCode(error: unknown): string | undefined {
  return codesOf(error).find((code) => /^E[A-Z_]+$/.test(code));
}

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let current = error, depth = 0; isObject(current) && depth < 4; depth++) {
    if (typeof current.code === 'string') codes.push(current.code);
    current = current.driverError ?? current.cause;
  }
  return codes;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
