import { RefusalReason } from '../../shared/domain-error';
import { isCalendarDate, isIsoDateOrDateTime } from '../../shared/iso-dates';
import { isCents } from '../../values/money';
import { SubscriptionRefusal } from '../subscription.errors';

/*
 * Checks of raw command input. Each pushes its problem on the list it is given, so a decision
 * can refuse with every problem at once (`refuseIfAny`) and a form can show them together.
 */

export const invalid = (field: string, message: string): RefusalReason => ({
  code: SubscriptionRefusal.invalidInput,
  field,
  message,
});

/** Trimmed text; blank or missing means "no value". */
export const optionalText = (input: string | null | undefined): string | null => {
  const trimmed = input?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

export function requireText(
  value: string | null | undefined,
  field: string,
  message: string,
  problems: RefusalReason[],
): string {
  const text = optionalText(value);
  if (text === null) problems.push(invalid(field, message));
  return text ?? '';
}

/** Rule R12 flags a zero price in simulation; a negative price is never a price. */
export function checkPrice(value: unknown, problems: RefusalReason[]): void {
  if (isCents(value) && value >= 0) return;
  problems.push(
    invalid(
      'monthlyPriceCents',
      `The monthly price must be a whole number of cents, zero or more (a reduction is a discount), got ${String(value)}.`,
    ),
  );
}

export function checkPositiveCents(value: unknown, field: string, problems: RefusalReason[]): void {
  if (isCents(value) && value > 0) return;
  problems.push(
    invalid(field, `${field} must be a whole number of cents above zero, got ${String(value)}.`),
  );
}

/** A calendar day, `YYYY-MM-DD`. */
export function checkDay(value: unknown, field: string, problems: RefusalReason[]): void {
  if (isCalendarDate(value)) return;
  problems.push(
    invalid(field, `${field} must be a calendar date (YYYY-MM-DD), got ${JSON.stringify(value)}.`),
  );
}

/** A date or a date-time, ISO-8601. */
export function checkInstant(value: unknown, field: string, problems: RefusalReason[]): void {
  if (isIsoDateOrDateTime(value)) return;
  problems.push(
    invalid(
      field,
      `${field} must be an ISO-8601 date or date-time (2025-03-01 or 2025-03-01T10:30:00Z), got ${JSON.stringify(value)}.`,
    ),
  );
}

export function check(ok: boolean, field: string, message: string, problems: RefusalReason[]) {
  if (!ok) problems.push(invalid(field, message));
}
