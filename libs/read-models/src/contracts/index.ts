import { catalogProjections } from '../catalogs';
export * from './customer-contract.entity';
export * from './customer-subscription.entity';
export * from './recorded-contract-events';
export * from './customer-contract.evolve';
export * from './customer-subscription.evolve';
export * from './customer-contracts.projection';
export * from './customer-subscriptions.projection';
export * from './contract.history-entries';
export * from './subscription.history-entries';
export * from './contract.view';
export * from './contract.queries';
export * from './customer-iban-warnings';
export * from './customer-deletion-facts';
export * from './customer-erasure-facts';

import { billingProjections } from '../billing';
import { customerProjections } from '../customers';
import { invoiceProjections } from '../invoices';
import { remittanceProjections } from '../remittances';
import { verifactuProjections } from '../verifactu';
import { issuerProjections } from '../issuers';
import { verifactuOutboxProjections } from '../verifactu-outbox';
import { ticketProjections } from '../tickets';
import { estimateProjections } from '../estimates';
import { taskProjections } from '../tasks';
import { interestProjections } from '../interests';
import { renewableProjections } from '../renewables';
import { formProjections } from '../forms';
import { portalProjections } from '../portal';
import { sendProjections } from '../sends';
import { customerFilesProjections } from '../attachments';
import { Projection } from '../projection';
import { CustomerContractRow } from './customer-contract.entity';
import { CustomerSubscriptionRow } from './customer-subscription.entity';
import { customerContractsProjection } from './customer-contracts.projection';
import { customerSubscriptionsProjection } from './customer-subscriptions.projection';

export const contractEntities = [CustomerContractRow, CustomerSubscriptionRow];

/** The contract and subscription projections, ready for a `ProjectionRunner`. */
export const contractProjections = (): Projection[] => [
  customerContractsProjection(),
  customerSubscriptionsProjection(),
];

/** Every read model's projection (customers, contracts, invoices, billing), for one runner. */
export const allReadModelProjections = (): Projection[] => [
  ...customerProjections(),
  ...contractProjections(),
  ...invoiceProjections(),
  ...billingProjections(),
  ...remittanceProjections(),
  ...verifactuProjections(),
  ...issuerProjections(),
  ...verifactuOutboxProjections(),
  ...ticketProjections(),
  ...estimateProjections(),
  ...taskProjections(),
  ...formProjections(),
  ...portalProjections(),
  ...sendProjections(),
  ...catalogProjections(),
  ...interestProjections(),
  ...renewableProjections(),
  ...customerFilesProjections(),
];
