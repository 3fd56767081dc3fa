import { assertNever, Decider } from '../shared/decider';
import { acceptEstimate, fulfillEstimate, rejectEstimate } from './decisions/answer-estimate';
import { createEstimate } from './decisions/create-estimate';
import { EstimateCommand } from './estimate.commands';
import { EstimateEvent } from './estimate.events';
import { EstimateState, INITIAL_ESTIMATE_STATE } from './estimate.state';

function evolve(state: EstimateState, event: EstimateEvent): EstimateState {
  switch (event.type) {
    case 'EstimateCreated': {
      const { estimateId, customerId, lines, validUntil } = event.data;
      return { status: 'outstanding', estimateId, customerId, lines, validUntil };
    }
    case 'EstimateAccepted': {
      if (state.status === 'none') return state;
      const { contractId, paymentMethod, subscriptions } = event.data;
      return {
        ...state,
        status: 'accepted',
        contractId,
        paymentMethod,
        subscriptions,
        fulfilled: false,
      };
    }
    case 'EstimateRejected':
      return state.status === 'none' ? state : { ...state, status: 'rejected' };
    case 'EstimateFulfilled':
      return state.status === 'accepted' ? { ...state, fulfilled: true } : state;
    default:
      return assertNever(event, 'estimate event');
  }
}

function decide(command: EstimateCommand, state: EstimateState): EstimateEvent[] {
  switch (command.type) {
    case 'CreateEstimate':
      return createEstimate(command, state);
    case 'AcceptEstimate':
      return acceptEstimate(command, state);
    case 'RejectEstimate':
      return rejectEstimate(command, state);
    case 'FulfillEstimate':
      return fulfillEstimate(command, state);
    default:
      return assertNever(command, 'estimate command');
  }
}

/** Rule 29: one estimate, outstanding → accepted | rejected (expired is read off its date). */
export const estimateDecider: Decider<EstimateCommand, EstimateEvent, EstimateState> = {
  initialState: INITIAL_ESTIMATE_STATE,
  evolve,
  decide,
};
