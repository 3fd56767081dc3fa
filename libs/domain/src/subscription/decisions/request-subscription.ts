import { ContractRefusal } from '../../contract/contract.errors';
import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { RequestSubscription } from '../subscription.commands';
import { customerInactive, SubscriptionRefusal } from '../subscription.errors';
import { SubscriptionRequested } from '../subscription.events';
import { SubscriptionState } from '../subscription.state';
import { BILLING_MODES } from '../subscription.terms';
import { check, checkInstant, checkPrice, requireText } from './subscription-inputs';

export function requestSubscription(
  command: RequestSubscription,
  state: SubscriptionState,
): SubscriptionRequested[] {
  const { subscriptionId, monthlyPriceCents, billingMode } = command.data;
  if (state.status !== 'none')
    throw new DomainError(
      SubscriptionRefusal.alreadyRequested,
      `Subscription ${subscriptionId} was already requested (it is ${state.status}); use a new id for another subscription.`,
    );
  refuseUnlessContractTakesSubscriptions(command);
  const problems: RefusalReason[] = [];
  const contractId = requireText(
    command.data.contractId,
    'contractId',
    'A subscription belongs to a contract; give its id.',
    problems,
  );
  const customerId = requireText(
    command.data.customerId,
    'customerId',
    "Give the id of the contract's customer.",
    problems,
  );
  const tariff = requireText(command.data.tariff, 'tariff', 'Name the tariff.', problems);
  checkPrice(monthlyPriceCents, problems);
  check(
    BILLING_MODES.includes(billingMode),
    'billingMode',
    `Unknown billing mode "${String(billingMode)}"; use one of ${BILLING_MODES.join(', ')}.`,
    problems,
  );
  const requestedAt = command.data.requestedAt ?? command.metadata.at;
  checkInstant(requestedAt, 'requestedAt', problems);
  refuseIfAny(problems);
  const data = {
    subscriptionId,
    contractId,
    customerId,
    tariff,
    ...(command.data.tariffId ? { tariffId: command.data.tariffId } : {}),
    monthlyPriceCents,
    billingMode,
    requestedAt,
  };
  return [{ type: 'SubscriptionRequested', data }];
}

/**
 * The contract (read from its stream by the application layer) must exist and be open, and its
 * customer active: an inactive customer's subscriptions are not billed (see R12).
 */
function refuseUnlessContractTakesSubscriptions({ data }: RequestSubscription): void {
  const { contract, customer } = data;
  if (contract.status === 'none')
    throw new DomainError(ContractRefusal.notFound, `No contract ${data.contractId}`);
  if (contract.status === 'deleted' || contract.status === 'terminated')
    throw new DomainError(
      ContractRefusal.closed,
      `A ${contract.status} contract cannot get new subscriptions.`,
    );
  if (customer.status === 'inactive') throw customerInactive(data.customerId, 'requested');
}
