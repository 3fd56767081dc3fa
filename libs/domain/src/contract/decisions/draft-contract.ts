import { PAYMENT_METHODS } from '../../customer/customer.billing';
import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { DraftContract } from '../contract.commands';
import { contractDeleted, ContractRefusal } from '../contract.errors';
import { ContractDrafted } from '../contract.events';
import { ContractState } from '../contract.state';
import { requireText } from './contract-inputs';

export function draftContract(command: DraftContract, state: ContractState): ContractDrafted[] {
  const { contractId, paymentMethod } = command.data;
  if (state.status === 'deleted') throw contractDeleted(contractId, state.deletedAt);
  if (state.status !== 'none')
    throw new DomainError(
      ContractRefusal.alreadyDrafted,
      `Contract ${contractId} already exists (${state.status}); use a new id for another contract.`,
    );
  const problems: RefusalReason[] = [];
  const customerId = requireText(
    command.data.customerId,
    'customerId',
    'A contract belongs to a customer; give its id.',
    problems,
  );
  if (!PAYMENT_METHODS.includes(paymentMethod))
    problems.push({
      code: ContractRefusal.invalidInput,
      field: 'paymentMethod',
      message: `Unknown payment method "${String(paymentMethod)}"; use one of ${PAYMENT_METHODS.join(', ')}.`,
    });
  refuseIfAny(problems);
  return [
    {
      type: 'ContractDrafted',
      data: { contractId, customerId, paymentMethod, draftedAt: command.metadata.at },
    },
  ];
}
