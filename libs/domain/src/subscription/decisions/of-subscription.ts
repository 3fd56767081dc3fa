import { OfSubscription } from '../subscription.events';
import { RequestedSubscription } from '../subscription.state';

/** The ids every subscription event carries. */
export const ofSubscription = ({
  subscriptionId,
  contractId,
  customerId,
}: RequestedSubscription): OfSubscription => ({ subscriptionId, contractId, customerId });
