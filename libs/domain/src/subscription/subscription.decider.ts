import { assertNever, Decider } from '../shared/decider';
import { SubscriptionCommand } from './subscription.commands';
import { subscriptionNotFound } from './subscription.errors';
import { SubscriptionEvent } from './subscription.events';
import { evolveSubscription } from './subscription.evolve';
import { initialSubscriptionState, SubscriptionState } from './subscription.state';
import { inAllowedState } from './subscription.transitions';
import { addExtraCharge, grantDiscount } from './decisions/discounts-and-charges';
import {
  activateSubscription,
  cancelSubscription,
  moveToActiveBillable,
  moveToActiveNotBillable,
  rejectSubscription,
  resumeSubscription,
  suspendSubscription,
} from './decisions/lifecycle';
import { migrateSubscriptionTariff } from './decisions/migrate-tariff';
import { requestSubscription } from './decisions/request-subscription';

/**
 * Turns a subscription command into events, or throws a `DomainError`. Whether the command is
 * allowed from the current state (rule R5) is checked here, against one table, before the
 * decision checks its input.
 */
export function decideSubscription(
  command: SubscriptionCommand,
  state: SubscriptionState,
): SubscriptionEvent[] {
  assertSameSubscription(command, state);
  if (command.type === 'RequestSubscription') return requestSubscription(command, state);
  if (state.status === 'none') throw subscriptionNotFound(command.data.subscriptionId);
  switch (command.type) {
    case 'ActivateSubscription':
      return activateSubscription(command, inAllowedState(state, command.type));
    case 'RejectSubscription':
      return rejectSubscription(command, inAllowedState(state, command.type));
    case 'MoveSubscriptionToActiveNotBillable':
      return moveToActiveNotBillable(command, inAllowedState(state, command.type));
    case 'MoveSubscriptionToActiveBillable':
      return moveToActiveBillable(command, inAllowedState(state, command.type));
    case 'SuspendSubscription':
      return suspendSubscription(command, inAllowedState(state, command.type));
    case 'ResumeSubscription':
      return resumeSubscription(command, inAllowedState(state, command.type));
    case 'CancelSubscription':
      return cancelSubscription(command, inAllowedState(state, command.type));
    case 'MigrateSubscriptionTariff':
      return migrateSubscriptionTariff(command, inAllowedState(state, command.type));
    case 'GrantDiscount':
      return grantDiscount(command, inAllowedState(state, command.type));
    case 'AddExtraCharge':
      return addExtraCharge(command, inAllowedState(state, command.type));
    default:
      return assertNever(command, 'subscription command');
  }
}

// The decider's three parts under the names every aggregate uses (ARCHITECTURE.md, rule 1);
// the library index exports them under subscription-specific names so aggregates do not clash.
export const initialState = initialSubscriptionState;
export const evolve = evolveSubscription;
export const decide = decideSubscription;

export const subscriptionDecider: Decider<
  SubscriptionCommand,
  SubscriptionEvent,
  SubscriptionState
> = {
  initialState,
  evolve,
  decide,
};

/** A command routed to another subscription's stream is a wiring bug, not a business refusal. */
function assertSameSubscription(command: SubscriptionCommand, state: SubscriptionState): void {
  if (state.status === 'none' || state.subscriptionId === command.data.subscriptionId) return;
  throw new Error(
    `Command ${command.type} for subscription ${command.data.subscriptionId} was decided on the state of subscription ${state.subscriptionId}`,
  );
}
