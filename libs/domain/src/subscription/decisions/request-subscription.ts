import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { RequestSubscription } from '../subscription.commands';
import { SubscriptionRefusal } from '../subscription.errors';
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
    monthlyPriceCents,
    billingMode,
    requestedAt,
  };
  return [{ type: 'SubscriptionRequested', data }];
}
