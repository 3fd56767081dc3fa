import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { inputChecks, optionalText } from '../../shared/input-checks';
import {
  AcceptEstimate,
  EstimateTariffFacts,
  FulfillEstimate,
  RejectEstimate,
} from '../estimate.commands';
import {
  EstimateRefusal,
  estimateAlreadyAnswered,
  estimateExpired,
  estimateNotFound,
} from '../estimate.errors';
import { EstimateAccepted, EstimateFulfilled, EstimateRejected } from '../estimate.events';
import { EstimateState, ExistingEstimate, isExpiredOn } from '../estimate.state';
import {
  EstimateLine,
  EstimateSubscriptionPlan,
  MAX_ESTIMATE_REASON_LENGTH,
} from '../estimate.values';
import { tariffOfLine } from './price-estimate-lines';

const checks = inputChecks(EstimateRefusal.invalidInput);

/** The estimate, if it still waits for an answer on `today`. */
function outstanding(estimateId: string, state: EstimateState, today: string): ExistingEstimate {
  if (state.status === 'none') throw estimateNotFound(estimateId);
  if (state.status !== 'outstanding') throw estimateAlreadyAnswered(estimateId, state.status);
  if (isExpiredOn(state.validUntil, today)) throw estimateExpired(estimateId, state.validUntil);
  return state;
}

/** One subscription per unit of each tariff line, in line order: the slots acceptance fills. */
export function estimateSubscriptionSlots(
  lines: readonly EstimateLine[],
): { line: number; unit: number }[] {
  return lines.flatMap((line, index) =>
    line.kind === 'tariff'
      ? Array.from({ length: line.quantity }, (_, unit) => ({ line: index, unit }))
      : [],
  );
}

/**
 * What the acceptance requests: each tariff line's subscriptions at the line's quoted price and
 * billing mode, even if the catalog's price changed since; a tariff retired since is refused
 * (rule 28: a retired entry is not chosen anew), as the subscription request would be.
 */
function plansOf(
  estimate: ExistingEstimate,
  subscriptionIds: readonly string[],
  tariffs: EstimateTariffFacts,
): EstimateSubscriptionPlan[] {
  const problems: RefusalReason[] = [];
  estimate.lines.forEach((line, index) => {
    if (line.tariffId !== null)
      tariffOfLine(tariffs, line.tariffId, `lines[${index}].tariffId`, problems);
  });
  refuseIfAny(problems);
  const slots = estimateSubscriptionSlots(estimate.lines);
  if (subscriptionIds.length !== slots.length)
    throw new RangeError(
      `Acceptance needs ${slots.length} subscription ids, got ${subscriptionIds.length}`,
    );
  return slots.map(({ line }, slot) => {
    const quoted = estimate.lines[line];
    return {
      subscriptionId: subscriptionIds[slot],
      line,
      tariffId: quoted.tariffId!,
      tariff: quoted.description,
      monthlyPriceCents: quoted.unitPriceCents,
      billingMode: quoted.billingMode!,
    };
  });
}

/** Rule 29: the customer takes the estimate; the contract and subscriptions are fixed here. */
export function acceptEstimate(command: AcceptEstimate, state: EstimateState): EstimateAccepted[] {
  const { data } = command;
  const estimate = outstanding(data.estimateId, state, data.today);
  if (data.customer.status !== 'active')
    throw new DomainError(
      EstimateRefusal.customerNotActive,
      `Customer ${estimate.customerId} is ${data.customer.status}: accepting would request subscriptions for them. Reactivate the customer first.`,
    );
  const subscriptions = plansOf(estimate, data.subscriptionIds, data.tariffs);
  return [
    {
      type: 'EstimateAccepted',
      data: {
        estimateId: estimate.estimateId,
        customerId: estimate.customerId,
        contractId: data.contractId,
        paymentMethod: data.paymentMethod,
        subscriptions,
        acceptedAt: command.metadata.at,
      },
    },
  ];
}

/** Rule 29: the customer declines the estimate, perhaps saying why. */
export function rejectEstimate(command: RejectEstimate, state: EstimateState): EstimateRejected[] {
  const { data } = command;
  const estimate = outstanding(data.estimateId, state, data.today);
  const problems: RefusalReason[] = [];
  if (data.reason !== undefined && data.reason !== null && typeof data.reason !== 'string')
    problems.push(checks.invalid('reason', 'reason must be text.'));
  const reason = optionalText(typeof data.reason === 'string' ? data.reason : null);
  if (reason !== null && reason.length > MAX_ESTIMATE_REASON_LENGTH)
    problems.push(
      checks.invalid('reason', `reason takes at most ${MAX_ESTIMATE_REASON_LENGTH} characters.`),
    );
  refuseIfAny(problems);
  return [
    {
      type: 'EstimateRejected',
      data: {
        estimateId: estimate.estimateId,
        customerId: estimate.customerId,
        reason,
        rejectedAt: command.metadata.at,
      },
    },
  ];
}

/** The acceptance's process is done; recorded once, a second time changes nothing. */
export function fulfillEstimate(
  command: FulfillEstimate,
  state: EstimateState,
): EstimateFulfilled[] {
  const { estimateId } = command.data;
  if (state.status === 'none') throw estimateNotFound(estimateId);
  if (state.status !== 'accepted')
    throw new DomainError(
      EstimateRefusal.notAccepted,
      `Estimate ${estimateId} is ${state.status}: only an accepted estimate is fulfilled.`,
    );
  if (state.fulfilled) return [];
  return [
    {
      type: 'EstimateFulfilled',
      data: {
        estimateId,
        customerId: state.customerId,
        contractId: state.contractId,
        subscriptionIds: state.subscriptions.map((plan) => plan.subscriptionId),
        fulfilledAt: command.metadata.at,
      },
    },
  ];
}
