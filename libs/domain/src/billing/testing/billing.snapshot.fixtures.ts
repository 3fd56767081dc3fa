import { EMPTY_ADDRESS } from '../../customer/customer.profile';
import {
  ContractBillingSnapshot,
  SnapshotBillingSettings,
  SnapshotContract,
  SnapshotSubscription,
} from '../billing.snapshot';

export const SIGNED_IBAN = 'ES9121000418450200051332';
export const CUSTOMER_FILE_IBAN = 'DE89370400440532013000';

/** Fibre at 30.00 EUR a month since January 2026, billed in advance. */
export function snapshotSubscription(
  overrides: Partial<SnapshotSubscription> = {},
): SnapshotSubscription {
  return {
    subscriptionId: 'sub-fibre',
    status: 'active',
    billingMode: 'advance',
    statusTimeline: [
      { status: 'pending-activation', from: '2025-12-20' },
      { status: 'active', from: '2026-01-01' },
    ],
    tariffTimeline: [
      { tariff: 'Fibra 300 Mb', monthlyPriceCents: 3000, effectiveFrom: '2025-12-20' },
    ],
    discounts: [],
    extraCharges: [],
    ...overrides,
  };
}

/**
 * A customer billed on the 1st in series "F", by direct debit on a signed contract, with one
 * fibre subscription: nothing R12 would complain about.
 */
export function billingSnapshot(
  overrides: {
    billing?: Partial<SnapshotBillingSettings>;
    contract?: Partial<SnapshotContract>;
    subscriptions?: SnapshotSubscription[];
    mainEmail?: string | null;
    customerId?: string;
    contractId?: string;
  } = {},
): ContractBillingSnapshot {
  return {
    customerId: overrides.customerId ?? 'customer-1',
    contractId: overrides.contractId ?? 'contract-1',
    customerStatus: 'active',
    billedParty: {
      legalName: 'Ana García López',
      taxId: '12345678Z',
      address: { ...EMPTY_ADDRESS, street: 'Calle Mayor 1', city: 'Madrid' },
    },
    mainEmail: overrides.mainEmail === undefined ? 'ana@example.com' : overrides.mainEmail,
    billing: {
      billingEnabled: true,
      paymentMethod: 'direct_debit',
      invoiceSeries: 'F',
      billingDay: 1,
      vatRatePercent: 21,
      sendInvoiceEmail: true,
      ...overrides.billing,
    },
    contract: {
      status: 'signed',
      paymentMethod: 'direct_debit',
      signed: true,
      signedIban: SIGNED_IBAN,
      ...overrides.contract,
    },
    subscriptions: overrides.subscriptions ?? [snapshotSubscription()],
  };
}
