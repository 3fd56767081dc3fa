import { Inject, Injectable } from '@nestjs/common';
import { BillableSubscription, CustomerDeletionFacts, ErasureFacts } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import {
  billableSubscriptionsOf,
  customerDeletionFactsFromReadModels,
  customerErasureFactsFromReadModels,
  draftContractIds,
} from '@app/read-models';
import { DataSource } from 'typeorm';
import { ProjectionProgress } from '../storage/projection-progress';
import { READ_MODELS } from '../storage/read-models.module';

/**
 * What rule R6 needs from other aggregates before a customer may be deleted: invoices issued,
 * signed contracts, live subscriptions, discounts and extra charges. Read from the read models
 * once they have caught up with every event committed so far (not only those readers can
 * already see), so nothing already written is missed.
 */
@Injectable()
export class CustomerFactsReader {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly progress: ProjectionProgress,
  ) {}

  async factsFor(customerId: string): Promise<CustomerDeletionFacts> {
    await this.progress.waitFor(await this.store.lastCommittedPosition());
    return customerDeletionFactsFromReadModels(this.readModels, customerId);
  }

  /** What keeps the customer's personal data from being erased: unpaid invoices, live service. */
  async erasureFactsFor(customerId: string): Promise<ErasureFacts> {
    await this.progress.waitFor(await this.store.lastCommittedPosition());
    return customerErasureFactsFromReadModels(this.readModels, customerId);
  }

  /** The subscriptions still invoiced, which keep the customer from being deactivated. */
  async billableSubscriptionsOf(customerId: string): Promise<BillableSubscription[]> {
    await this.progress.waitFor(await this.store.lastCommittedPosition());
    return billableSubscriptionsOf(this.readModels, customerId);
  }

  /** The unsigned drafts that go with a deleted customer. */
  draftContracts(customerId: string): Promise<string[]> {
    return draftContractIds(this.readModels, customerId);
  }
}
