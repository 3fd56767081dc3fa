import { ContractState, wasContractSigned } from './contract.state';

/**
 * Rule R6: a customer with a signed contract cannot be deleted. A terminated contract was
 * signed and is kept too; only drafts go with the customer.
 */
export const contractBlocksCustomerDeletion = (state: ContractState): boolean =>
  wasContractSigned(state);

/** The contract part of `CustomerDeletionFacts`, from the states of a customer's contracts. */
export function contractDeletionFacts(states: readonly ContractState[]) {
  return { signedContracts: states.filter(contractBlocksCustomerDeletion).length };
}

/** The drafts that go with a customer when it is deleted (rule R6). */
export const deletableDraftIds = (states: readonly ContractState[]): string[] =>
  states.flatMap((state) => (state.status === 'draft' ? [state.contractId] : []));
