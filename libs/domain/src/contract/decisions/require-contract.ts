import { contractDeleted, contractNotFound } from '../contract.errors';
import {
  ContractState,
  DraftedContract,
  SignedContract,
  TerminatedContract,
} from '../contract.state';

export type ExistingContract = DraftedContract | SignedContract | TerminatedContract;

/** Every command but drafting needs a contract that was drafted and not deleted. */
export function requireContract(state: ContractState, contractId: string): ExistingContract {
  switch (state.status) {
    case 'none':
      throw contractNotFound(contractId);
    case 'deleted':
      throw contractDeleted(state.contractId, state.deletedAt);
    default:
      return state;
  }
}
