import { RefusalReason } from './domain-error';
import { isCalendarDate, isIsoDateOrDateTime } from './iso-dates';
import {
  MONEY_ABOVE_MAXIMUM,
  aboveMaximumMessage,
  isCents,
  isWithinMaximum,
} from '../values/money';

/** Trimmed text; blank or missing means "no value". */
export const optionalText = (input: string | null | undefined): string | null => {
  const trimmed = typeof input === 'string' ? input.trim() : '';
  return trimmed === '' ? null : trimmed;
};

/** An amount above `MAX_AMOUNT_CENTS`, refused under its own code whatever the aggregate. */
export const aboveMaximum = (field: string, value: unknown): RefusalReason => ({
  code: MONEY_ABOVE_MAXIMUM,
  field,
  message: aboveMaximumMessage(field, value),
});

/**
 * Checks of raw command input, refusing with an aggregate's own invalid-input code. Each
 * pushes its problem on the list it is given, so a decision can refuse with every problem at
 * once (`refuseIfAny`) and a form can show them together.
 */
export function inputChecks(invalidInputCode: string) {
  const invalid = (field: string, message: string): RefusalReason => ({
    code: invalidInputCode,
    field,
    message,
  });
  return {
    invalid,

    requireText(
      value: string | null | undefined,
      field: string,
      message: string,
      problems: RefusalReason[],
    ): string {
      const text = optionalText(value);
      if (text === null) problems.push(invalid(field, message));
      return text ?? '';
    },

    /** Above zero and at most `MAX_AMOUNT_CENTS` (above it: `MONEY.ABOVE_MAXIMUM`). */
    checkPositiveCents(value: unknown, field: string, problems: RefusalReason[]): void {
      if (isCents(value) && value > 0 && !isWithinMaximum(value)) {
        problems.push(aboveMaximum(field, value));
        return;
      }
      if (isCents(value) && value > 0) return;
      problems.push(
        invalid(
          field,
          `${field} must be a whole number of cents above zero, got ${String(value)}.`,
        ),
      );
    },

    /** A calendar day, `YYYY-MM-DD`. */
    checkDay(value: unknown, field: string, problems: RefusalReason[]): void {
      if (isCalendarDate(value)) return;
      problems.push(
        invalid(
          field,
          `${field} must be a calendar date (YYYY-MM-DD), got ${JSON.stringify(value)}.`,
        ),
      );
    },

    /** A date or a date-time, ISO-8601. */
    checkInstant(value: unknown, field: string, problems: RefusalReason[]): void {
      if (isIsoDateOrDateTime(value)) return;
      problems.push(
        invalid(
          field,
          `${field} must be an ISO-8601 date or date-time (2025-03-01 or 2025-03-01T10:30:00Z), got ${JSON.stringify(value)}.`,
        ),
      );
    },
  };
}
