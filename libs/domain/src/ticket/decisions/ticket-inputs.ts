import { RefusalReason } from '../../shared/domain-error';
import { inputChecks, optionalText } from '../../shared/input-checks';
import { TicketRefusal } from '../ticket.errors';

const checks = inputChecks(TicketRefusal.invalidInput);

/** Required text, trimmed, at most `max` characters. */
export function requireTicketText(
  value: string | null | undefined,
  field: string,
  max: number,
  problems: RefusalReason[],
): string {
  const text = checks.requireText(value, field, `Give the ticket's ${field}.`, problems);
  if (text.length > max)
    problems.push(checks.invalid(field, `${field} takes at most ${max} characters.`));
  return text;
}

/** Optional text, trimmed (blank is none), at most `max` characters. */
export function optionalTicketText(
  value: string | null | undefined,
  field: string,
  max: number,
  problems: RefusalReason[],
): string | null {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    problems.push(checks.invalid(field, `${field} must be text.`));
    return null;
  }
  const text = optionalText(value);
  if (text !== null && text.length > max)
    problems.push(checks.invalid(field, `${field} takes at most ${max} characters.`));
  return text;
}

/** One of `allowed`, named in the refusal otherwise. */
export function requireOneOf<T extends string>(
  value: unknown,
  field: string,
  allowed: readonly T[],
  problems: RefusalReason[],
): T {
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  problems.push(
    checks.invalid(
      field,
      `Unknown ${field} ${JSON.stringify(value)}; use one of ${allowed.join(', ')}.`,
    ),
  );
  return allowed[0];
}
