import { SUBSCRIPTION_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { CustomerSubscriptionRow } from './customer-subscription.entity';
import { evolveCustomerSubscription } from './customer-subscription.evolve';
import { isRecordedSubscriptionEvent } from './recorded-contract-events';

/** The customers' subscriptions: `evolveCustomerSubscription` over each stream, one upsert. */
export class CustomerSubscriptionsProjection implements Projection {
  readonly name = 'customer-subscriptions';
  readonly handles: readonly string[] = SUBSCRIPTION_EVENT_TYPES;
  readonly tables = ['customer_subscriptions'];

  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    if (!isRecordedSubscriptionEvent(event)) return;
    const subscriptions = manager.getRepository(CustomerSubscriptionRow);
    const current = await subscriptions.findOneBy({ id: event.data.subscriptionId });
    // Idempotent: a revision already applied (a replayed batch, a duplicate delivery) is skipped.
    if (current !== null && BigInt(current.lastRevision) >= event.revision) return;
    const next = evolveCustomerSubscription(current, event);
    if (next !== null) await subscriptions.upsert(next, ['id']);
  }
}
