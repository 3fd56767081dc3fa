import { billingIbanOf } from '../contract/contract.iban';
import { ContractState, wasContractSigned } from '../contract/contract.state';
import { PaymentMethod } from '../customer/customer.billing';
import { PostalAddress, displayName } from '../customer/customer.profile';
import { CustomerState, isRegistered } from '../customer/customer.state';
import {
  discountsOf,
  extraChargesOf,
  statusTimeline,
  tariffTimeline,
} from '../subscription/subscription.pricing';
import { SubscriptionState, SubscriptionStatus } from '../subscription/subscription.state';
import { BillingMode, Discount, ExtraCharge } from '../subscription/subscription.terms';
import { DEFAULT_TIME_ZONE, PlainDate, addDays, dateInZone, isPlainDate } from './billing.calendar';
import { cycleContaining, nextCycles } from './billing.cycles';
import { PricingDiscount, PricingExtraCharge, PricingSubscription } from './billing.pricing-input';

/**
 * Who an invoice is made out to (rule R15), shaped like the invoice's `InvoiceCustomerSnapshot`
 * so an `IssueInvoice` command takes it as it is.
 */
export interface BilledParty {
  legalName: string;
  taxId: string | null;
  address: PostalAddress;
}

/** The customer's billing tab, as far as pricing and rule R12 read it. */
export interface SnapshotBillingSettings {
  billingEnabled: boolean;
  paymentMethod: PaymentMethod | null;
  invoiceSeries: string | null;
  billingDay: number;
  /** `null` lets the tenant's default apply (`vatDefault`). */
  vatRatePercent: number | null;
  sendInvoiceEmail: boolean;
  /** Rule 21: the issuer the customer names (null, or absent in older views: its series'). */
  issuerId?: string | null;
}

export interface SnapshotContract {
  status: 'draft' | 'signed' | 'terminated';
  /** The contract's own payment method: what its invoices are paid with. */
  paymentMethod: PaymentMethod;
  signed: boolean;
  /** Rule R4: the IBAN on the signature, the one billing charges, never the customer file's. */
  signedIban: string | null;
  /** Rule 19: the bank return code that invalidated the signature's mandate, if one did. */
  mandateInvalidated?: string | null;
}

/** A subscription priced as it is (plain dates, in the tenant's zone), with its current status. */
export interface SnapshotSubscription extends PricingSubscription {
  status: SubscriptionStatus;
  billingMode: BillingMode;
}

/**
 * Everything pricing and rule R12 need about one contract, as plain JSON. The billing run and
 * the cycle simulator read the same snapshot (one read-model row per contract), so "simulate
 * then issue" gives the same amounts.
 */
export interface ContractBillingSnapshot {
  customerId: string;
  contractId: string;
  customerStatus: 'active' | 'inactive';
  billedParty: BilledParty;
  mainEmail: string | null;
  billing: SnapshotBillingSettings;
  contract: SnapshotContract;
  subscriptions: SnapshotSubscription[];
}

export interface SnapshotOptions {
  /** Instants in the timelines become days in this zone (DOMAIN.md: Europe/Madrid). */
  timeZone?: string;
  /**
   * Rule 20: whether a subscription the system suspended for debt keeps being invoiced
   * (default: yes, as UISP does). An operator's suspension is never invoiced (rule R5).
   */
  billSuspendedForDebt?: boolean;
}

/** Rule 20's default: subscriptions suspended for debt keep being billed. */
export const BILL_SUSPENDED_FOR_DEBT_BY_DEFAULT = true;

/**
 * The billing snapshot of one contract, or `null` when there is nothing to bill: the customer
 * is not registered (never, or deleted) or the contract does not exist (never, or a deleted
 * draft). `subscriptions` may hold the customer's others: only this contract's are kept.
 */
export function contractBillingSnapshot(
  customer: CustomerState,
  contract: ContractState,
  subscriptions: readonly SubscriptionState[],
  options: SnapshotOptions = {},
): ContractBillingSnapshot | null {
  if (!isRegistered(customer)) return null;
  if (contract.status === 'none' || contract.status === 'deleted') return null;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const { profile, billing } = customer;
  const billingSettings: SnapshotBillingSettings = {
    billingEnabled: billing.billingEnabled,
    paymentMethod: billing.paymentMethod,
    invoiceSeries: billing.invoiceSeries,
    billingDay: billing.billingDay,
    vatRatePercent: billing.vatRatePercent,
    sendInvoiceEmail: billing.sendInvoiceEmail,
    issuerId: billing.issuerId ?? null,
  };
  return {
    customerId: customer.customerId,
    contractId: contract.contractId,
    customerStatus: customer.status,
    billedParty: {
      legalName: displayName(profile),
      taxId: billing.taxId ?? profile.document?.number ?? null,
      address: { ...profile.address },
    },
    mainEmail: profile.email,
    billing: billingSettings,
    contract: {
      status: contract.status,
      paymentMethod: contract.paymentMethod,
      signed: wasContractSigned(contract),
      signedIban: billingIbanOf(contract),
      mandateInvalidated:
        'signature' in contract
          ? (contract.signature.mandateInvalidated?.reasonCode ?? null)
          : null,
    },
    subscriptions: subscriptions
      .filter((subscription) => subscription.status !== 'none')
      .filter((subscription) => subscription.contractId === contract.contractId)
      .map((subscription) =>
        snapshotSubscription(
          subscription,
          billing.billingDay,
          timeZone,
          options.billSuspendedForDebt ?? BILL_SUSPENDED_FOR_DEBT_BY_DEFAULT,
        ),
      ),
  };
}

function snapshotSubscription(
  state: SubscriptionState & { status: SubscriptionStatus },
  billingDay: number,
  timeZone: string,
  billSuspendedForDebt: boolean,
): SnapshotSubscription {
  const day = (instant: string) => dayOf(instant, timeZone);
  return {
    subscriptionId: state.subscriptionId,
    status: state.status,
    billingMode: state.billingMode,
    statusTimeline: statusTimeline(state).map(({ status, at, by }) =>
      status === 'suspended' && by === 'system' && billSuspendedForDebt
        ? { status, from: day(at), billed: true }
        : { status, from: day(at) },
    ),
    tariffTimeline: tariffTimeline(state).map(({ tariff, monthlyPriceCents, effectiveFrom }) => ({
      tariff,
      monthlyPriceCents,
      effectiveFrom: day(effectiveFrom),
    })),
    discounts: discountsOf(state).flatMap((discount) => pricingDiscount(discount, day)),
    extraCharges: extraChargesOf(state).map((charge) =>
      pricingExtraCharge(charge, state.billingMode, billingDay, day),
    ),
  };
}

/**
 * The aggregate records `[from, until)`; pricing reads `until` as the last discounted day.
 * A discount that covers no day is left out.
 */
function pricingDiscount(discount: Discount, day: (iso: string) => PlainDate): PricingDiscount[] {
  const from = day(discount.from);
  const lastDay = discount.until === null ? null : addDays(day(discount.until), -1);
  if (lastDay !== null && lastDay < from) return [];
  const value =
    discount.percent !== null
      ? { percent: discount.percent }
      : { amountCents: discount.amountCents };
  return [{ ...value, from, until: lastDay }];
}

/**
 * An extra charge added "from the next cycle invoiced" (`from: null`) is dated on the first day
 * of the period the next invoice after it was added charges: in advance, the cycle after the
 * one holding the day it was added (that one was invoiced on its billing day); in arrears, the
 * cycle holding that day (invoiced when it ends).
 */
function pricingExtraCharge(
  charge: ExtraCharge,
  mode: BillingMode,
  billingDay: number,
  day: (iso: string) => PlainDate,
): PricingExtraCharge {
  const { amountCents, description, recurring } = charge;
  if (charge.from !== null) return { amountCents, description, recurring, from: day(charge.from) };
  const added = day(charge.addedAt);
  const from =
    mode === 'advance'
      ? nextCycles(addDays(added, 1), billingDay, 1)[0].start
      : cycleContaining(added, billingDay).start;
  return { amountCents, description, recurring, from };
}

/** A calendar date as written; an instant as the day it fell on in the tenant's zone. */
function dayOf(iso: string, timeZone: string): PlainDate {
  return isPlainDate(iso) ? iso : dateInZone(iso, timeZone);
}
