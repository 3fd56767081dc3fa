import { assertNever, Decider } from '../shared/decider';
import { ContractCommand } from './contract.commands';
import { ContractEvent } from './contract.events';
import { evolveContract } from './contract.evolve';
import { ContractState, initialContractState } from './contract.state';
import { changeSignatureIban } from './decisions/change-signature-iban';
import { deleteContractDraft, terminateContract } from './decisions/delete-and-terminate';
import { draftContract } from './decisions/draft-contract';
import { requireContract } from './decisions/require-contract';
import { signContract } from './decisions/sign-contract';
import { invalidateMandate } from './decisions/invalidate-mandate';

/** Turns a contract command into events, or throws a `DomainError` naming the rule it breaks. */
export function decideContract(command: ContractCommand, state: ContractState): ContractEvent[] {
  assertSameContract(command, state);
  if (command.type === 'DraftContract') return draftContract(command, state);
  const contract = requireContract(state, command.data.contractId);
  switch (command.type) {
    case 'SignContract':
      return signContract(command, contract);
    case 'ChangeSignatureIban':
      return changeSignatureIban(command, contract);
    case 'DeleteContractDraft':
      return deleteContractDraft(command, contract);
    case 'TerminateContract':
      return terminateContract(command, contract);
    case 'InvalidateMandate':
      return invalidateMandate(command, contract);
    default:
      return assertNever(command, 'contract command');
  }
}

// The decider's three parts under the names every aggregate uses (ARCHITECTURE.md, rule 1);
// the library index exports them under contract-specific names so aggregates do not clash.
export const initialState = initialContractState;
export const evolve = evolveContract;
export const decide = decideContract;

export const contractDecider: Decider<ContractCommand, ContractEvent, ContractState> = {
  initialState,
  evolve,
  decide,
};

/** A command routed to another contract's stream is a wiring bug, not a business refusal. */
function assertSameContract(command: ContractCommand, state: ContractState): void {
  if (state.status === 'none' || state.contractId === command.data.contractId) return;
  throw new Error(
    `Command ${command.type} for contract ${command.data.contractId} was decided on the state of contract ${state.contractId}`,
  );
}
