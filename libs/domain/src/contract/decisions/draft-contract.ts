import { PAYMENT_METHODS } from '../../customer/customer.billing';
import { CustomerRefusal } from '../../customer/customer.errors';
import { DraftContract } from '../contract.commands';
import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
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
  refuseUnlessCustomerTakesContracts(command);
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

/** A contract is drafted only for a customer that is registered (active or not) and not deleted. */
function refuseUnlessCustomerTakesContracts({ data }: DraftContract): void {
  if (data.customer.status === 'unregistered')
    throw new DomainError(CustomerRefusal.notFound, `No customer ${data.customerId}`);
  if (data.customer.status === 'deleted')
    throw new DomainError(CustomerRefusal.deleted, 'A deleted customer cannot get a new contract.');
}
