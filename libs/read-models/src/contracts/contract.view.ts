import type { BillingMode, Discount, ExtraCharge, PaymentMethod, TariffPeriod } from '@app/domain';
import { SubscriptionStatus, SuspendedBy } from '@app/domain';
import { CustomerContractRow, CustomerContractStatus } from './customer-contract.entity';
import { CustomerSubscriptionRow } from './customer-subscription.entity';

/** `GET /subscriptions/:id`, and each subscription on the contracts tab. */
export interface SubscriptionView {
  id: string;
  contractId: string;
  customerId: string;
  status: SubscriptionStatus;
  /** Invoiced: only `active` (rule R5). */
  billable: boolean;
  /** The service is on: `active` or `active-not-billable`. */
  serviceActive: boolean;
  /** The latest tariff and price; `tariffTimeline` says from which day each applies. */
  tariff: string;
  monthlyPriceCents: number;
  billingMode: BillingMode;
  tariffTimeline: TariffPeriod[];
  discounts: Discount[];
  extraCharges: ExtraCharge[];
  requestedAt: string;
  activatedAt: string | null;
  statusSince: string;
  statusReason: string | null;
  /** While suspended: `operator`, or `system` for debt (rule R20); otherwise null. */
  suspendedBy: SuspendedBy | null;
  lastRevision: number;
  /** Events in the stream, as commands answer it: what `If-Match` takes. */
  version: number;
  updatedAt: string;
  lastModifiedBy: string;
}

/**
 * `GET /contracts/:id`, and each contract on the customer's contracts tab, with its
 * subscriptions. The signature's IBAN only masked (rule R4).
 */
export interface ContractView {
  id: string;
  customerId: string;
  status: CustomerContractStatus;
  paymentMethod: PaymentMethod;
  maskedIban: string | null;
  mandateReference: string | null;
  /** The bank return code that invalidated the mandate (rule 19); null while it is valid. */
  mandateInvalidated: string | null;
  signatory: string | null;
  draftedAt: string;
  signedAt: string | null;
  terminatedAt: string | null;
  terminationReason: string | null;
  deletedAt: string | null;
  subscriptions: SubscriptionView[];
  lastRevision: number;
  /** Events in the stream, as commands answer it: what `If-Match` takes. */
  version: number;
  updatedAt: string;
  lastModifiedBy: string;
}

export function toContractView(
  row: CustomerContractRow,
  subscriptions: readonly CustomerSubscriptionRow[],
): ContractView {
  // The fingerprint stays in the table: it is for comparing, not for showing.
  const { ibanFingerprint: _fingerprint, updatedAt, ...shown } = row;
  return {
    ...shown,
    subscriptions: subscriptions.map(toSubscriptionView),
    version: row.lastRevision + 1,
    updatedAt: updatedAt.toISOString(),
  };
}

export function toSubscriptionView(row: CustomerSubscriptionRow): SubscriptionView {
  // The folded tariff is for the list's filter, not for showing.
  const { tariffFolded: _folded, ...shown } = row;
  return { ...shown, version: row.lastRevision + 1, updatedAt: row.updatedAt.toISOString() };
}
