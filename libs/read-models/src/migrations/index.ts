import { ProjectionCheckpoints1764000000000 } from './1764000000000-projection-checkpoints';
import { CustomerFileAndHistory1764100000000 } from './1764100000000-customer-file-and-history';
import { CustomerContractsAndSubscriptions1764200000000 } from './1764200000000-customer-contracts-and-subscriptions';
import { IdempotencyKeys1764000000500 } from './1764000000500-idempotency-keys';
import { InvoicesAndAccountStatement1764300000000 } from './1764300000000-invoices-and-account-statement';
import { CycleSimulationView1764400000000 } from './1764400000000-cycle-simulation-view';
import { DeferredReadModelIndexes1764500000000 } from './1764500000000-deferred-read-model-indexes';
import { LinesKeyedByPosition1764600000000 } from './1764600000000-lines-keyed-by-position';
import { ProjectionParkedEvents1764700300000 } from './1764700300000-projection-parked-events';
import { IdempotencyKeyOwners1764700500000 } from './1764700500000-idempotency-key-owners';
import { HistoryVia1764700600000 } from './1764700600000-history-via';
import { EffectsFollowWhatIsOwed1764800000000 } from './1764800000000-effects-follow-what-is-owed';
import { Remittances1764800100000 } from './1764800100000-remittances';
import { MandateInvalidation1764800200000 } from './1764800200000-mandate-invalidation';
import { SubscriptionsSuspendedBy1764920000000 } from './1764920000000-subscriptions-suspended-by';
import { VerifactuChain1765000000000 } from './1765000000000-verifactu-chain';
import { InvoiceIssuerAndDates1765000300000 } from './1765000300000-invoice-issuer-and-dates';
import { CustomerIssuer1765000400000 } from './1765000400000-customer-issuer';
import { InvoiceCancellation1765000500000 } from './1765000500000-invoice-cancellation';
import { Sends1765000800000 } from './1765000800000-sends';
import { PortalLoginFailures1765001200000 } from './1765001200000-portal-login-failures';
import { Issuers1765000200000 } from './1765000200000-issuers';
import { VerifactuOutbox1765000100000 } from './1765000100000-verifactu-outbox';
import { Tickets1765000600000 } from './1765000600000-tickets';
import { Estimates1765005000000 } from './1765005000000-estimates';
import { CustomerFiles1765007000000 } from './1765007000000-customer-files';
import { Tasks1765000700000 } from './1765000700000-tasks';
import { Forms1765008000000 } from './1765008000000-forms';
import { PortalCredentials1765000900000 } from './1765000900000-portal-credentials';
import { CustomerSearchText1765001100000 } from './1765001100000-customer-search-text';
import { Catalogs1765002000000 } from './1765002000000-catalogs';
import { CustomerAdvancedSearch1765003000000 } from './1765003000000-customer-advanced-search';
import { OverdueDebtIndex1765009000000 } from './1765009000000-overdue-debt-index';
import { CustomerImportFiles1765004000000 } from './1765004000000-customer-import-files';
import { InterestsAndRenewables1765006000000 } from './1765006000000-interests-and-renewables';

/** Every read-model migration, oldest first. A new view adds its migration here. */
export const readModelMigrations = [
  ProjectionCheckpoints1764000000000,
  IdempotencyKeys1764000000500,
  CustomerFileAndHistory1764100000000,
  CustomerContractsAndSubscriptions1764200000000,
  InvoicesAndAccountStatement1764300000000,
  CycleSimulationView1764400000000,
  DeferredReadModelIndexes1764500000000,
  LinesKeyedByPosition1764600000000,
  ProjectionParkedEvents1764700300000,
  IdempotencyKeyOwners1764700500000,
  HistoryVia1764700600000,
  EffectsFollowWhatIsOwed1764800000000,
  Remittances1764800100000,
  MandateInvalidation1764800200000,
  SubscriptionsSuspendedBy1764920000000,
  VerifactuChain1765000000000,
  VerifactuOutbox1765000100000,
  Issuers1765000200000,
  InvoiceIssuerAndDates1765000300000,
  CustomerIssuer1765000400000,
  InvoiceCancellation1765000500000,
  Tickets1765000600000,
  Tasks1765000700000,
  PortalCredentials1765000900000,
  Sends1765000800000,
  CustomerSearchText1765001100000,
  PortalLoginFailures1765001200000,
  Catalogs1765002000000,
  CustomerAdvancedSearch1765003000000,
  CustomerImportFiles1765004000000,
  Estimates1765005000000,
  InterestsAndRenewables1765006000000,
  Forms1765008000000,
  CustomerFiles1765007000000,
  OverdueDebtIndex1765009000000,
];
