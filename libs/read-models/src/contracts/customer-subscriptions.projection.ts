import { SUBSCRIPTION_EVENT_TYPES } from '@app/domain';
import { Projection } from '../projection';
import { keyedRowProjection } from '../rows/keyed-row-projection';
import { CustomerSubscriptionRow } from './customer-subscription.entity';
import { evolveCustomerSubscription } from './customer-subscription.evolve';
import { isRecordedSubscriptionEvent } from './recorded-contract-events';

/** The customers' subscriptions: `evolveCustomerSubscription` over each stream, one row each. */
export const customerSubscriptionsProjection = (): Projection =>
  keyedRowProjection({
    name: 'customer-subscriptions',
    handles: SUBSCRIPTION_EVENT_TYPES,
    table: 'customer_subscriptions',
    entity: CustomerSubscriptionRow,
    key: 'id',
    canHandle: isRecordedSubscriptionEvent,
    keyOf: (event) => event.data.subscriptionId,
    evolve: evolveCustomerSubscription,
    lastRevisionOf: (row) => row.lastRevision,
  });
