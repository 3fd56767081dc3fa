import { SUBSCRIPTION_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { applyToKeyedRows, KeyedRowsSpec } from '../runner/keyed-rows';
import { CustomerSubscriptionRow } from './customer-subscription.entity';
import { evolveCustomerSubscription } from './customer-subscription.evolve';
import { isRecordedSubscriptionEvent } from './recorded-contract-events';

/** The customers' subscriptions: `evolveCustomerSubscription` over each stream, one upsert. */
export class CustomerSubscriptionsProjection implements Projection {
  readonly name = 'customer-subscriptions';
  readonly handles: readonly string[] = SUBSCRIPTION_EVENT_TYPES;
  readonly tables = ['customer_subscriptions'];

  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    await this.applyBatch([event], manager);
  }

  // Idempotent: a revision already applied (a replayed batch, a duplicate delivery) is skipped.
  async applyBatch(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    await applyToKeyedRows(customerSubscriptions, events, manager);
  }
}

const customerSubscriptions: KeyedRowsSpec<CustomerSubscriptionRow> = {
  entity: CustomerSubscriptionRow,
  key: 'id',
  keyOf: (event) => (isRecordedSubscriptionEvent(event) ? event.data.subscriptionId : null),
  evolve: (row, event) =>
    isRecordedSubscriptionEvent(event) ? evolveCustomerSubscription(row, event) : row,
  lastRevisionOf: (row) => row.lastRevision,
};
