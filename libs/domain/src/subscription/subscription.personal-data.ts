import { CONTRACT_RETENTION } from '../contract/contract.personal-data';
import { NO_PERSONAL_DATA, PersonalDataMap } from '../shared/personal-data';
import { SubscriptionEvent } from './subscription.events';

/**
 * Subscription events seal nothing: their free texts (reasons, charge descriptions) are the
 * record of the service under the contract, kept with it; tariffs and prices are not personal.
 */
export const SUBSCRIPTION_PERSONAL_FIELDS = {
  SubscriptionRequested: NO_PERSONAL_DATA,
  SubscriptionActivated: NO_PERSONAL_DATA,
  SubscriptionRejected: { keptInClear: { paths: ['reason'], because: CONTRACT_RETENTION } },
  SubscriptionMovedToActiveNotBillable: {
    keptInClear: { paths: ['reason'], because: CONTRACT_RETENTION },
  },
  SubscriptionMovedToActiveBillable: NO_PERSONAL_DATA,
  SubscriptionSuspended: { keptInClear: { paths: ['reason'], because: CONTRACT_RETENTION } },
  SubscriptionResumed: NO_PERSONAL_DATA,
  SubscriptionTariffMigrated: NO_PERSONAL_DATA,
  DiscountGranted: NO_PERSONAL_DATA,
  ExtraChargeAdded: { keptInClear: { paths: ['description'], because: CONTRACT_RETENTION } },
  SubscriptionCancelled: { keptInClear: { paths: ['reason'], because: CONTRACT_RETENTION } },
} satisfies PersonalDataMap<SubscriptionEvent>;
