import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { SignContract } from '../contract.commands';
import { ContractRefusal, contractTerminated } from '../contract.errors';
import { ContractSigned } from '../contract.events';
import { chargesSignedIban } from '../contract.signature';
import {
  checkIban,
  checkInstant,
  checkMandateReference,
  requireText,
  textOrNull,
} from './contract-inputs';
import { ExistingContract } from './require-contract';

/** Every problem with the signature is listed at once, so the form can show them together. */
export function signContract(command: SignContract, contract: ExistingContract): ContractSigned[] {
  if (contract.status === 'terminated')
    throw contractTerminated(contract.contractId, contract.terminatedAt);
  if (contract.status === 'signed')
    throw new DomainError(
      ContractRefusal.alreadySigned,
      `Contract ${contract.contractId} was already signed on ${contract.signature.signedAt}; to charge another account, change the signature's IBAN.`,
    );
  const { contractId, customerId, paymentMethod } = contract;
  const problems: RefusalReason[] = [];
  const signatory = requireText(
    command.data.signatory,
    'signatory',
    'Say who signed the contract.',
    problems,
  );
  checkInstant(command.data.signedAt, 'signedAt', problems);
  const iban = checkIban(command.data.iban, problems);
  const mandateReference = checkMandateReference(command.data.mandateReference, problems);
  if (chargesSignedIban(paymentMethod)) {
    if (textOrNull(command.data.iban) === null)
      problems.push({
        code: ContractRefusal.ibanRequired,
        field: 'iban',
        message: `Contract ${contractId} is paid by direct debit: the signature needs the IBAN to charge.`,
      });
    if (textOrNull(command.data.mandateReference) === null)
      problems.push({
        code: ContractRefusal.mandateRequired,
        field: 'mandateReference',
        message: `Contract ${contractId} is paid by direct debit: the signature needs its SEPA mandate reference.`,
      });
  }
  refuseIfAny(problems);
  const { signedAt } = command.data;
  return [
    {
      type: 'ContractSigned',
      data: { contractId, customerId, paymentMethod, iban, mandateReference, signatory, signedAt },
    },
  ];
}
