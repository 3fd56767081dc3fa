import { BillingSettings } from './customer.billing';
import { CatalogLinkIds } from './customer.catalog-links';
import { ContactPerson, CustomerAddress } from './customer.addresses-and-contacts';
import { CustomerInterest } from './customer.interests';
import { CustomerProfile } from './customer.profile';

/** What a registered customer holds, whether active or not. Interactions are not kept: no rule reads them. */
export interface CustomerRecord {
  customerId: string;
  registeredAt: string;
  profile: CustomerProfile;
  billing: BillingSettings;
  addresses: CustomerAddress[];
  contacts: ContactPerson[];
  /** Seed 003's interests (absent until the first one is recorded). */
  interests?: CustomerInterest[];
  /** Rule 28: the catalog entries chosen, by id (absent for a customer never linked). */
  catalogLinks?: CatalogLinkIds;
}

export type UnregisteredCustomer = { status: 'unregistered' };
export type ActiveCustomer = { status: 'active' } & CustomerRecord;
export type InactiveCustomer = {
  status: 'inactive';
  deactivatedAt: string;
  deactivationReason: string | null;
} & CustomerRecord;
/** A deleted customer keeps nothing but the fact: its data is gone with it. */
export type DeletedCustomer = { status: 'deleted'; customerId: string; deletedAt: string };

/** Personal data erased: like a deleted one, it keeps nothing but the fact. */
export type ErasedCustomer = { status: 'erased'; customerId: string; erasedAt: string };

export type RegisteredCustomer = ActiveCustomer | InactiveCustomer;

export type CustomerState =
  UnregisteredCustomer | ActiveCustomer | InactiveCustomer | DeletedCustomer | ErasedCustomer;

export type CustomerStatus = CustomerState['status'];

/**
 * What another aggregate's decision needs to know of a customer (drafting a contract,
 * requesting or activating a subscription): read from the customer's own stream by the
 * application layer and passed in with the command, so the rule is decided here.
 */
export interface CustomerFact {
  status: CustomerStatus;
}

export const initialCustomerState: CustomerState = { status: 'unregistered' };

export const isRegistered = (state: CustomerState): state is RegisteredCustomer =>
  state.status === 'active' || state.status === 'inactive';
