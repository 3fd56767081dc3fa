import { dateInZone } from '../../billing/billing.calendar';
import { refuseIfAny } from '../../shared/domain-error';
import { inputChecks } from '../../shared/input-checks';
import { isCalendarDate } from '../../shared/iso-dates';
import { LapseRenewable, RenewRenewable } from '../renewable.commands';
import { RenewableRefusal, renewableLapsed, renewableNotFound } from '../renewable.errors';
import { RenewableLapsed, RenewableRenewed } from '../renewable.events';
import { LiveRenewable, RenewableState } from '../renewable.state';
import { nextRenewalOn } from '../renewal-period';

const checks = inputChecks(RenewableRefusal.invalidInput);

function live(renewableId: string, state: RenewableState, what: string): LiveRenewable {
  if (state.status === 'none') throw renewableNotFound(renewableId);
  if (state.status === 'lapsed') throw renewableLapsed(renewableId, state.lapsedOn, what);
  return state;
}

/**
 * One period renewed: the next renewal date moves on by exactly one period (the boundary after
 * the one renewed, counted from the purchase date), whenever the operator does it.
 */
export function renewRenewable(command: RenewRenewable, state: RenewableState): RenewableRenewed[] {
  const renewable = live(command.data.renewableId, state, 'renewed');
  const given = command.data.renewedOn;
  if (given !== undefined && given !== null && !isCalendarDate(given))
    refuseIfAny([checks.invalid('renewedOn', 'The renewal date must be a real day, YYYY-MM-DD.')]);
  const today = dateInZone(command.metadata.at);
  const renewedOn = given ?? today;
  if (renewedOn < renewable.purchasedOn)
    refuseIfAny([
      checks.invalid('renewedOn', `It was bought on ${renewable.purchasedOn}: not renewed before.`),
    ]);
  if (renewedOn > today)
    refuseIfAny([
      checks.invalid('renewedOn', `A renewal is recorded once done: not after ${today}.`),
    ]);
  const periodsRenewed = renewable.periodsRenewed + 1;
  const { renewableId, customerId, purchasedOn, period } = renewable;
  return [
    {
      type: 'RenewableRenewed',
      data: {
        renewableId,
        customerId,
        renewalDueOn: renewable.nextRenewalOn,
        renewedOn,
        nextRenewalOn: nextRenewalOn(purchasedOn, period, periodsRenewed),
        periodsRenewed,
        renewedAt: command.metadata.at,
      },
    },
  ];
}

/** Stopped for good: no more renewals, off the to-do list. */
export function lapseRenewable(command: LapseRenewable, state: RenewableState): RenewableLapsed[] {
  const { renewableId, customerId } = live(command.data.renewableId, state, 'lapsed again');
  const at = command.metadata.at;
  return [
    {
      type: 'RenewableLapsed',
      data: { renewableId, customerId, lapsedOn: dateInZone(at), lapsedAt: at },
    },
  ];
}
