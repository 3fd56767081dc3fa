import { DomainError, RefusalReason } from './domain-error';

/** The outcome of checking raw input: a value, or the reason it was rejected. */
export type Validated<T> = { ok: true; value: T } | { ok: false; reason: RefusalReason };

export const valid = <T>(value: T): Validated<T> => ({ ok: true, value });

export const invalid = <T = never>(reason: RefusalReason): Validated<T> => ({ ok: false, reason });

/** The value, or a `DomainError` carrying the reason (with `details` for the HTTP layer). */
export function orRefuse<T>(result: Validated<T>): T {
  if (result.ok) return result.value;
  throw DomainError.fromReasons([result.reason]);
}
