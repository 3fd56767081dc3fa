import { PaymentMethod } from '../customer/customer.billing';
import { EstimateSubscriptionPlan, EstimateLine, RecordedEstimateStatus } from './estimate.values';

/** What every estimate that exists holds. */
export interface EstimateRecord {
  estimateId: string;
  customerId: string;
  lines: EstimateLine[];
  validUntil: string;
}

export type NoEstimate = { status: 'none' };
export type OpenEstimate = { status: Exclude<RecordedEstimateStatus, 'accepted'> } & EstimateRecord;
export type AcceptedEstimate = { status: 'accepted' } & EstimateRecord & {
    contractId: string;
    paymentMethod: PaymentMethod;
    subscriptions: EstimateSubscriptionPlan[];
    fulfilled: boolean;
  };
export type ExistingEstimate = OpenEstimate | AcceptedEstimate;
export type EstimateState = NoEstimate | ExistingEstimate;

export const INITIAL_ESTIMATE_STATE: EstimateState = { status: 'none' };

/** Rule 29: an outstanding estimate is expired once `today` is past its `validUntil`. */
export const isExpiredOn = (validUntil: string, today: string): boolean => today > validUntil;
