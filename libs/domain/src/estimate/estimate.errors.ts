import { DomainError } from '../shared/domain-error';
import { EstimateStatus } from './estimate.values';

/** Refusals of rule 29 (estimates). A code ending in NOT_FOUND answers 404, the others 422. */
export const EstimateRefusal = {
  invalidInput: 'R29.INVALID_INPUT',
  notFound: 'R29.ESTIMATE_NOT_FOUND',
  /** An estimate with this id exists already. */
  alreadyCreated: 'R29.ESTIMATE_ALREADY_CREATED',
  /** Accepted or rejected already: an estimate is answered once. */
  alreadyAnswered: 'R29.ALREADY_ANSWERED',
  /** Its `validUntil` has passed: it can no longer be accepted or rejected. */
  expired: 'R29.EXPIRED',
  /** Only an accepted estimate's process is fulfilled. */
  notAccepted: 'R29.NOT_ACCEPTED',
  /** Accepting would request subscriptions for a customer who is not active. */
  customerNotActive: 'R29.CUSTOMER_NOT_ACTIVE',
} as const;

export type EstimateRefusal = (typeof EstimateRefusal)[keyof typeof EstimateRefusal];

export const estimateNotFound = (estimateId: string) =>
  new DomainError(
    EstimateRefusal.notFound,
    `Estimate ${estimateId} does not exist; create it (POST /customers/:id/estimates) first.`,
  );

export const estimateAlreadyAnswered = (
  estimateId: string,
  status: Exclude<EstimateStatus, 'outstanding' | 'expired'>,
) =>
  new DomainError(
    EstimateRefusal.alreadyAnswered,
    `Estimate ${estimateId} was ${status} already: an estimate is accepted or rejected once; quote a new one.`,
  );

export const estimateExpired = (estimateId: string, validUntil: string) =>
  new DomainError(
    EstimateRefusal.expired,
    `Estimate ${estimateId} was valid until ${validUntil}: it has expired; quote a new one.`,
  );
