import { ContractFact } from '../../contract/contract.state';
import { CustomerFact } from '../../customer/customer.state';
import { CommandMeta } from '../../shared/decider';
import { SubscriptionCommand, SubscriptionCommandType } from '../subscription.commands';
import {
  OfSubscription,
  SubscriptionEvent,
  SubscriptionRequested,
  SuspendedBy,
} from '../subscription.events';

export const SUBSCRIPTION_ID = 'subscription-under-test';
export const SUBSCRIPTION_CONTRACT_ID = 'contract-of-subscription';
export const SUBSCRIPTION_CUSTOMER_ID = 'customer-of-subscription';
export const REQUESTED_AT = '2025-01-20T09:00:00.000Z';
export const ACTIVATED_ON = '2025-02-01';
export const SUBSCRIPTION_NOW = '2025-03-01T10:30:00.000Z';
export const subscriptionMeta: CommandMeta = { at: SUBSCRIPTION_NOW };
/** The contract and customer a request is decided on, as their streams say: open, active. */
export const SIGNED_CONTRACT: ContractFact = { status: 'signed' };
export const ACTIVE_CUSTOMER: CustomerFact = { status: 'active' };

export const subscriptionIds: OfSubscription = {
  subscriptionId: SUBSCRIPTION_ID,
  contractId: SUBSCRIPTION_CONTRACT_ID,
  customerId: SUBSCRIPTION_CUSTOMER_ID,
};

type DataOf<T extends SubscriptionCommandType> = Extract<SubscriptionCommand, { type: T }>['data'];

/** A command for the subscription under test, stamped with `SUBSCRIPTION_NOW`. */
export function subscriptionCommand<T extends SubscriptionCommandType>(
  type: T,
  data: Omit<DataOf<T>, 'subscriptionId'> & { subscriptionId?: string },
): Extract<SubscriptionCommand, { type: T }> {
  return {
    type,
    data: { subscriptionId: SUBSCRIPTION_ID, ...data },
    metadata: subscriptionMeta,
  } as unknown as Extract<SubscriptionCommand, { type: T }>;
}

type EventData<T extends SubscriptionEvent['type']> = Omit<
  Extract<SubscriptionEvent, { type: T }>['data'],
  keyof OfSubscription
>;

/** An event of the subscription under test. */
export const subscriptionEvent = <T extends SubscriptionEvent['type']>(
  type: T,
  data: EventData<T>,
): Extract<SubscriptionEvent, { type: T }> =>
  ({ type, data: { ...subscriptionIds, ...data } }) as unknown as Extract<
    SubscriptionEvent,
    { type: T }
  >;

/** "Fibra 300" at 29.90 EUR a month, billed in advance. */
export const requested = (
  overrides: Partial<SubscriptionRequested['data']> = {},
): SubscriptionRequested => ({
  type: 'SubscriptionRequested',
  data: {
    ...subscriptionIds,
    tariff: 'Fibra 300',
    monthlyPriceCents: 2990,
    billingMode: 'advance',
    requestedAt: REQUESTED_AT,
    ...overrides,
  },
});

export const activated = (activatedAt = ACTIVATED_ON) =>
  subscriptionEvent('SubscriptionActivated', { activatedAt });

export const rejected = () =>
  subscriptionEvent('SubscriptionRejected', {
    reason: 'no coverage at the address',
    rejectedAt: '2025-01-22T09:00:00.000Z',
  });

export const movedToActiveNotBillable = () =>
  subscriptionEvent('SubscriptionMovedToActiveNotBillable', {
    reason: 'company line',
    movedAt: '2025-02-10T09:00:00.000Z',
  });

export const movedToActiveBillable = () =>
  subscriptionEvent('SubscriptionMovedToActiveBillable', { movedAt: '2025-02-20T09:00:00.000Z' });

export const suspended = (suspendedBy: SuspendedBy = 'operator') =>
  subscriptionEvent('SubscriptionSuspended', {
    reason: suspendedBy === 'system' ? 'debt' : 'unpaid invoices',
    suspendedAt: '2025-02-15T09:00:00.000Z',
    suspendedBy,
  });

export const resumed = () =>
  subscriptionEvent('SubscriptionResumed', { resumedAt: '2025-02-18T09:00:00.000Z' });

export const cancelled = (reason: string | null = 'moved abroad') =>
  subscriptionEvent('SubscriptionCancelled', { reason, cancelledAt: '2025-02-28' });

/** From "Fibra 300" at 29.90 to "Fibra 600" at 39.90 on the 15th of February. */
export const migrated = (overrides: Partial<EventData<'SubscriptionTariffMigrated'>> = {}) =>
  subscriptionEvent('SubscriptionTariffMigrated', {
    migrationNumber: 1,
    billingMode: 'advance',
    previousTariff: 'Fibra 300',
    previousMonthlyPriceCents: 2990,
    previousEffectiveFrom: ACTIVATED_ON,
    tariff: 'Fibra 600',
    monthlyPriceCents: 3990,
    effectiveDate: '2025-02-15',
    migratedAt: '2025-02-14T09:00:00.000Z',
    ...overrides,
  });

export const discountGranted = (discountId = 'd-1') =>
  subscriptionEvent('DiscountGranted', {
    discountId,
    percent: 50,
    amountCents: null,
    from: '2025-02-01',
    until: '2025-04-30',
    grantedAt: '2025-01-21T09:00:00.000Z',
  });

export const extraChargeAdded = (chargeId = 'x-1') =>
  subscriptionEvent('ExtraChargeAdded', {
    chargeId,
    amountCents: 500,
    description: 'Router rental',
    recurring: true,
    from: null,
    addedAt: '2025-01-21T09:00:00.000Z',
  });

/** A history reaching each state the ordinary way. */
export const HISTORIES = {
  none: [],
  'pending-activation': [requested()],
  active: [requested(), activated()],
  'active-not-billable': [requested(), activated(), movedToActiveNotBillable()],
  suspended: [requested(), activated(), suspended()],
  rejected: [requested(), rejected()],
  cancelled: [requested(), activated(), cancelled()],
} satisfies Record<string, SubscriptionEvent[]>;

export type StateName = keyof typeof HISTORIES;
