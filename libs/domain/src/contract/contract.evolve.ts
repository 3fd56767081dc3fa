import { assertNever } from '../shared/decider';
import { ContractEvent } from './contract.events';
import { ContractState } from './contract.state';

/**
 * Folds one event into the state. Events are facts already accepted, so evolve never refuses:
 * an event that cannot apply to the current status leaves the state as it is.
 */
export function evolveContract(state: ContractState, event: ContractEvent): ContractState {
  const { type, data } = event;
  switch (type) {
    case 'ContractDrafted':
      if (state.status !== 'none') return state;
      return {
        status: 'draft',
        contractId: data.contractId,
        customerId: data.customerId,
        paymentMethod: data.paymentMethod,
        draftedAt: data.draftedAt,
      };
    case 'ContractSigned': {
      if (state.status !== 'draft') return state;
      const { iban, mandateReference, signatory, signedAt } = data;
      return {
        ...state,
        status: 'signed',
        signature: { iban, mandateReference, signatory, signedAt },
      };
    }
    case 'SignatureIbanChanged': {
      if (state.status !== 'signed') return state;
      // A new mandate reference is a new mandate: one a return invalidated no longer matters.
      const newMandate = data.after.mandateReference !== state.signature.mandateReference;
      const signature = { ...state.signature, ...data.after };
      return {
        ...state,
        signature: newMandate ? { ...signature, mandateInvalidated: null } : signature,
      };
    }
    case 'MandateInvalidated': {
      if (state.status !== 'signed' && state.status !== 'terminated') return state;
      if (state.signature.mandateReference !== data.mandateReference) return state;
      const mandateInvalidated = { reasonCode: data.reasonCode, invalidatedAt: data.invalidatedAt };
      return { ...state, signature: { ...state.signature, mandateInvalidated } };
    }
    case 'ContractDraftDeleted':
      if (state.status !== 'draft') return state;
      return {
        status: 'deleted',
        contractId: data.contractId,
        customerId: data.customerId,
        deletedAt: data.deletedAt,
      };
    case 'ContractTerminated':
      if (state.status !== 'signed') return state;
      return {
        ...state,
        status: 'terminated',
        terminatedAt: data.terminatedAt,
        terminationReason: data.reason,
      };
    default:
      return assertNever(type, 'contract event');
  }
}
