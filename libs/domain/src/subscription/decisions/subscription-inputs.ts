import { RefusalReason } from '../../shared/domain-error';
import { aboveMaximum, inputChecks, optionalText } from '../../shared/input-checks';
import { isCents, isWithinMaximum } from '../../values/money';
import { SubscriptionRefusal } from '../subscription.errors';

/* Checks of raw command input: the shared ones, with this aggregate's invalid-input code. */
export const { invalid, requireText, checkPositiveCents, checkDay, checkInstant } = inputChecks(
  SubscriptionRefusal.invalidInput,
);
export { optionalText };

/** Rule R12 flags a zero price in simulation; a negative price is never a price. */
export function checkPrice(value: unknown, problems: RefusalReason[]): void {
  if (isCents(value) && value >= 0 && !isWithinMaximum(value)) {
    problems.push(aboveMaximum('monthlyPriceCents', value));
    return;
  }
  if (isCents(value) && value >= 0) return;
  problems.push(
    invalid(
      'monthlyPriceCents',
      `The monthly price must be a whole number of cents, zero or more (a reduction is a discount), got ${String(value)}.`,
    ),
  );
}

export function check(ok: boolean, field: string, message: string, problems: RefusalReason[]) {
  if (!ok) problems.push(invalid(field, message));
}
