import { Injectable } from '@nestjs/common';
import { CustomerDeletionFacts } from '@app/domain';

/**
 * What rule R6 needs from other aggregates before a customer may be deleted: invoices
 * issued, signed contracts, live subscriptions, discounts and extra charges. This service
 * has no contract, subscription or invoice aggregates yet, so a customer can hold none of
 * them and every count is zero; when those aggregates arrive they answer here.
 */
@Injectable()
export class CustomerDeletionFactsReader {
  async factsFor(_customerId: string): Promise<CustomerDeletionFacts> {
    return {
      invoicesIssued: 0,
      signedContracts: 0,
      liveSubscriptions: 0,
      subscriptionsWithDiscountsOrExtraCharges: 0,
    };
  }
}
