import { assertNever, Decider } from '../shared/decider';
import { registerRenewable } from './decisions/register-renewable';
import { lapseRenewable, renewRenewable } from './decisions/renewal-steps';
import { RenewableCommand } from './renewable.commands';
import { RenewableEvent } from './renewable.events';
import { INITIAL_RENEWABLE_STATE, RenewableState } from './renewable.state';

function evolve(state: RenewableState, event: RenewableEvent): RenewableState {
  switch (event.type) {
    case 'RenewableRegistered': {
      const { renewableId, customerId, purchasedOn, period, nextRenewalOn } = event.data;
      const record = { renewableId, customerId, purchasedOn, period, nextRenewalOn };
      return { status: 'active', ...record, periodsRenewed: 0 };
    }
    case 'RenewableRenewed':
      if (state.status === 'none') return state;
      return {
        ...state,
        status: 'renewed',
        periodsRenewed: event.data.periodsRenewed,
        nextRenewalOn: event.data.nextRenewalOn,
      };
    case 'RenewableLapsed':
      if (state.status === 'none') return state;
      return { ...state, status: 'lapsed', lapsedOn: event.data.lapsedOn };
    default:
      return assertNever(event, 'renewable event');
  }
}

function decide(command: RenewableCommand, state: RenewableState): RenewableEvent[] {
  switch (command.type) {
    case 'RegisterRenewable':
      return registerRenewable(command, state);
    case 'RenewRenewable':
      return renewRenewable(command, state);
    case 'LapseRenewable':
      return lapseRenewable(command, state);
    default:
      return assertNever(command, 'renewable command');
  }
}

/** Seed 003's renewables: registered, renewed period by period, lapsed. */
export const renewableDecider: Decider<RenewableCommand, RenewableEvent, RenewableState> = {
  initialState: INITIAL_RENEWABLE_STATE,
  evolve,
  decide,
};
