import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { AddExtraCharge, GrantDiscount } from '../subscription.commands';
import { SubscriptionRefusal } from '../subscription.errors';
import { DiscountGranted, ExtraChargeAdded } from '../subscription.events';
import { RequestedSubscription } from '../subscription.state';
import { DiscountValue } from '../subscription.terms';
import { ofSubscription } from './of-subscription';
import { check, checkDay, checkPositiveCents, invalid, requireText } from './subscription-inputs';

/** A "bonificación": a percentage or an amount off over the days `[from, until)`, or open-ended. */
export function grantDiscount(
  command: GrantDiscount,
  subscription: RequestedSubscription,
): DiscountGranted[] {
  const { from } = command.data;
  const until = command.data.until ?? null;
  const problems: RefusalReason[] = [];
  const discountId = requireText(
    command.data.discountId,
    'discountId',
    'Give the discount an id.',
    problems,
  );
  if (subscription.discounts.some((discount) => discount.discountId === discountId))
    throw new DomainError(
      SubscriptionRefusal.discountAlreadyGranted,
      `Discount ${discountId} was already granted on subscription ${subscription.subscriptionId}; use a new id for another discount.`,
    );
  const value = discountValue(command.data, problems);
  checkDay(from, 'from', problems);
  if (until !== null) checkDay(until, 'until', problems);
  // `until` is the first day no longer discounted: it must come after `from`.
  if (problems.length === 0 && until !== null && until <= from)
    problems.push(
      invalid(
        'until',
        `A discount from ${from} until ${until} covers no day: "until" is the first day no longer discounted, after "from".`,
      ),
    );
  refuseIfAny(problems);
  const data = {
    ...ofSubscription(subscription),
    discountId,
    ...(value as DiscountValue),
    from,
    until,
    grantedAt: command.metadata.at,
  };
  return [{ type: 'DiscountGranted', data }];
}

const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/** 0 < p ≤ 100 with at most two decimals, as `percentOfCents` computes them. */
const isDiscountPercent = (percent: number): boolean =>
  Number.isFinite(percent) &&
  percent > 0 &&
  percent <= 100 &&
  Math.abs(Math.round(percent * 100) - percent * 100) < 1e-6;

/** Exactly one of a percentage and an amount; `null` (with a problem) otherwise. */
function discountValue(
  { percent, amountCents }: GrantDiscount['data'],
  problems: RefusalReason[],
): DiscountValue | null {
  if (given(percent) === given(amountCents)) {
    problems.push(
      invalid('percent', 'A discount is a percentage or an amount of cents: give exactly one.'),
    );
    return null;
  }
  if (given(percent)) {
    if (isDiscountPercent(percent)) return { percent, amountCents: null };
    problems.push(
      invalid(
        'percent',
        `A discount percentage is above 0 and at most 100, with two decimals at most; got ${percent}.`,
      ),
    );
    return null;
  }
  checkPositiveCents(amountCents, 'amountCents', problems);
  return { percent: null, amountCents: amountCents as number };
}

/** An "importe adicional": charged once, or every cycle when recurring. */
export function addExtraCharge(
  command: AddExtraCharge,
  subscription: RequestedSubscription,
): ExtraChargeAdded[] {
  const { amountCents, recurring } = command.data;
  const from = command.data.from ?? null;
  const problems: RefusalReason[] = [];
  const chargeId = requireText(
    command.data.chargeId,
    'chargeId',
    'Give the extra charge an id.',
    problems,
  );
  if (subscription.extraCharges.some((charge) => charge.chargeId === chargeId))
    throw new DomainError(
      SubscriptionRefusal.extraChargeAlreadyAdded,
      `Extra charge ${chargeId} was already added to subscription ${subscription.subscriptionId}; use a new id for another charge.`,
    );
  checkPositiveCents(amountCents, 'amountCents', problems);
  const description = requireText(
    command.data.description,
    'description',
    'Describe the extra charge: it is printed on the invoice line.',
    problems,
  );
  check(
    typeof recurring === 'boolean',
    'recurring',
    'Say whether the charge recurs every cycle (true) or is charged once (false).',
    problems,
  );
  if (from !== null) checkDay(from, 'from', problems);
  refuseIfAny(problems);
  const data = {
    ...ofSubscription(subscription),
    chargeId,
    amountCents,
    description,
    recurring,
    from,
    addedAt: command.metadata.at,
  };
  return [{ type: 'ExtraChargeAdded', data }];
}
