import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { ChangeSignatureIban } from '../contract.commands';
import { ContractRefusal, contractTerminated } from '../contract.errors';
import { SignatureIbanChanged } from '../contract.events';
import { chargesSignedIban, SignatureAccount } from '../contract.signature';
import { checkIban, checkMandateReference, textOrNull } from './contract-inputs';
import { ExistingContract } from './require-contract';

/**
 * Rule R4: billing charges the signature's IBAN, so a customer who changes bank changes it
 * here. The customer file's IBAN is left alone. The same account again changes nothing.
 */
export function changeSignatureIban(
  command: ChangeSignatureIban,
  contract: ExistingContract,
): SignatureIbanChanged[] {
  const { contractId, customerId } = contract;
  if (contract.status === 'terminated') throw contractTerminated(contractId, contract.terminatedAt);
  if (contract.status === 'draft')
    throw new DomainError(
      ContractRefusal.notSigned,
      `Contract ${contractId} is not signed yet; give the IBAN when signing it.`,
    );
  const problems: RefusalReason[] = [];
  const iban = checkIban(command.data.iban, problems);
  if (textOrNull(command.data.iban) === null)
    problems.push({
      code: ContractRefusal.ibanRequired,
      field: 'iban',
      message: 'Give the IBAN the signature should charge from now on.',
    });
  const given = checkMandateReference(command.data.mandateReference, problems);
  const mandateReference = given ?? contract.signature.mandateReference;
  if (mandateReference === null && chargesSignedIban(contract.paymentMethod))
    problems.push({
      code: ContractRefusal.mandateRequired,
      field: 'mandateReference',
      message: `Contract ${contractId} is paid by direct debit: give the SEPA mandate reference for the new account.`,
    });
  refuseIfAny(problems);
  const before: SignatureAccount = {
    iban: contract.signature.iban,
    mandateReference: contract.signature.mandateReference,
  };
  const after: SignatureAccount = { iban, mandateReference };
  if (before.iban === after.iban && before.mandateReference === after.mandateReference) return [];
  return [
    {
      type: 'SignatureIbanChanged',
      data: { contractId, customerId, before, after, changedAt: command.metadata.at },
    },
  ];
}
