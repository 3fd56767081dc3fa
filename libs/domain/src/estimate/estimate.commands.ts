import { CatalogState } from '../catalog/catalog.state';
import { PaymentMethod } from '../customer/customer.billing';
import { CustomerFact } from '../customer/customer.state';
import { DomainCommand } from '../shared/decider';

/**
 * A line as the operator writes it: a catalog tariff by `tariffId` (its name and monthly price
 * are the catalog's), or a free line with its description, unit price and VAT rate.
 */
export interface EstimateLineInput {
  tariffId?: string | null;
  description?: string | null;
  quantity?: number | null;
  unitPriceCents?: number | null;
  vatRatePercent?: number | null;
}

/** The catalog entries the lines name, read from their streams by the application layer. */
export type EstimateTariffFacts = Record<string, CatalogState>;

export type CreateEstimate = DomainCommand<
  'CreateEstimate',
  {
    estimateId: string;
    customerId: string;
    /** The customer's status, read from its stream. */
    customer: CustomerFact;
    lines: EstimateLineInput[];
    validUntil: string;
    notes?: string | null;
    tariffs: EstimateTariffFacts;
    /** Today in the tenant's zone: an estimate is not created already expired. */
    today: string;
    /** The VAT rate of a free line that names none: the customer's (R11). */
    defaultVatRatePercent: number;
  }
>;

/**
 * The contract and subscription ids are the application's, derived from the estimate's id so
 * that the process creating them is idempotent: one per unit of each tariff line, in order.
 */
export type AcceptEstimate = DomainCommand<
  'AcceptEstimate',
  {
    estimateId: string;
    customer: CustomerFact;
    contractId: string;
    subscriptionIds: string[];
    paymentMethod: PaymentMethod;
    tariffs: EstimateTariffFacts;
    today: string;
  }
>;

export type RejectEstimate = DomainCommand<
  'RejectEstimate',
  { estimateId: string; reason?: string | null; today: string }
>;

/** The acceptance's process records that the contract and every subscription now exist. */
export type FulfillEstimate = DomainCommand<'FulfillEstimate', { estimateId: string }>;

export type EstimateCommand = CreateEstimate | AcceptEstimate | RejectEstimate | FulfillEstimate;

export type EstimateCommandType = EstimateCommand['type'];
