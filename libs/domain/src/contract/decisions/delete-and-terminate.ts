import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { calendarDateOf } from '../../shared/iso-dates';
import { DeleteContractDraft, TerminateContract } from '../contract.commands';
import { ContractRefusal, contractTerminated } from '../contract.errors';
import { ContractDraftDeleted, ContractTerminated } from '../contract.events';
import { checkInstant, requireText } from './contract-inputs';
import { ExistingContract } from './require-contract';

/** Rule R6: only an unsigned draft can be deleted; a signed contract is a record to keep. */
export function deleteContractDraft(
  command: DeleteContractDraft,
  contract: ExistingContract,
): ContractDraftDeleted[] {
  const { contractId, customerId } = contract;
  if (contract.status !== 'draft') {
    const next =
      contract.status === 'signed' ? 'Terminate it instead.' : 'It is already terminated.';
    throw new DomainError(
      ContractRefusal.signed,
      `Contract ${contractId} was signed on ${contract.signature.signedAt}: only an unsigned draft can be deleted (R6). ${next}`,
    );
  }
  return [
    {
      type: 'ContractDraftDeleted',
      data: { contractId, customerId, deletedAt: command.metadata.at },
    },
  ];
}

export function terminateContract(
  command: TerminateContract,
  contract: ExistingContract,
): ContractTerminated[] {
  const { contractId, customerId } = contract;
  if (contract.status === 'terminated') throw contractTerminated(contractId, contract.terminatedAt);
  if (contract.status === 'draft')
    throw new DomainError(
      ContractRefusal.notSigned,
      `Contract ${contractId} was never signed: a draft is deleted, not terminated.`,
    );
  const problems: RefusalReason[] = [];
  const reason = requireText(command.data.reason, 'reason', 'Say why the contract ends.', problems);
  const terminatedAt = command.data.terminatedAt ?? command.metadata.at;
  checkInstant(terminatedAt, 'terminatedAt', problems);
  const { signedAt } = contract.signature;
  if (problems.length === 0 && calendarDateOf(terminatedAt) < calendarDateOf(signedAt))
    problems.push({
      code: ContractRefusal.invalidInput,
      field: 'terminatedAt',
      message: `A contract cannot end (${terminatedAt}) before it was signed (${signedAt}).`,
    });
  refuseIfAny(problems);
  return [{ type: 'ContractTerminated', data: { contractId, customerId, reason, terminatedAt } }];
}
