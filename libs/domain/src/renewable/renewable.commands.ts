import { CustomerFact } from '../customer/customer.state';
import { DomainCommand } from '../shared/decider';

export type RegisterRenewable = DomainCommand<
  'RegisterRenewable',
  {
    renewableId: string;
    customerId: string;
    /** The customer's status, read from its stream. */
    customer: CustomerFact;
    productCode: string;
    description?: string | null;
    purchasedOn: string;
    period: { every: number; unit: string };
  }
>;

/** `renewedOn`: the day it was renewed; none: the command's day in the tenant's zone. */
export type RenewRenewable = DomainCommand<
  'RenewRenewable',
  { renewableId: string; renewedOn?: string | null }
>;

export type LapseRenewable = DomainCommand<'LapseRenewable', { renewableId: string }>;

export type RenewableCommand = RegisterRenewable | RenewRenewable | LapseRenewable;
export type RenewableCommandType = RenewableCommand['type'];
