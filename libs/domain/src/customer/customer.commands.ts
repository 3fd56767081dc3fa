import { DomainCommand } from '../shared/decider';
import { CatalogLinks } from './customer.catalog-links';
import { CatalogState } from '../catalog/catalog.state';
import { ContactConsents } from './customer.addresses-and-contacts';
import { BillingSettingsInput } from './customer.billing';
import { DeletionBlocker } from './customer.deletion';
import { InteractionDirection, InteractionKind } from './customer.interaction';
import {
  CustomerProfileInput,
  CustomerProfilePatch,
  PersonNameInput,
  PostalAddressInput,
} from './customer.profile-patch';

/** Every customer command names its customer; ids of new things come from the caller too. */
interface ForCustomer {
  customerId: string;
}

/** Set by `decideBulkUpdate` so the events it produces carry the operation's id (R14). */
interface MaybeBulk {
  bulkOperationId?: string;
}

/**
 * Rule 28: the catalog entries the zone, seller and collector named resolve to, found (or
 * created) by the application layer; each link's name is the one the profile then records.
 */
interface MaybeLinked {
  catalogLinks?: CatalogLinks;
}

export type RegisterCustomer = DomainCommand<
  'RegisterCustomer',
  ForCustomer & CustomerProfileInput & MaybeLinked
>;

/** Rule 28: links the customer to catalog entries by id (the carrying over of free text). */
export type LinkCustomerCatalogs = DomainCommand<
  'LinkCustomerCatalogs',
  ForCustomer & { links: CatalogLinks }
>;

/** `PATCH /customers/:id`: split into CustomerRenamed, CustomerEmailChanged, CustomerDetailsEdited. */
export type EditCustomer = DomainCommand<
  'EditCustomer',
  ForCustomer & MaybeBulk & CustomerProfilePatch & MaybeLinked
>;

export type RenameCustomer = DomainCommand<
  'RenameCustomer',
  ForCustomer & Partial<PersonNameInput>
>;

export type ChangeCustomerEmail = DomainCommand<
  'ChangeCustomerEmail',
  ForCustomer & { email: string | null }
>;

/** `PUT /customers/:id/billing-settings`; fields left out keep their value. */
/**
 * Rule 21's facts, loaded by the application for the settings the command would leave: whether
 * the issuer named exists, and which issuer owns the invoice series (null: none).
 */
export interface BillingIssuerFacts {
  issuerKnown: boolean;
  seriesOwner: string | null;
}

export type ChangeBillingSettings = DomainCommand<
  'ChangeBillingSettings',
  ForCustomer & MaybeBulk & BillingSettingsInput & { issuerFacts?: BillingIssuerFacts }
>;

export type AddAddress = DomainCommand<
  'AddAddress',
  ForCustomer & { addressId: string; label?: string | null; address: PostalAddressInput }
>;

/** `PATCH /customers/:id/addresses/:addressId`: fields left out keep their value. */
export type EditAddress = DomainCommand<
  'EditAddress',
  ForCustomer & { addressId: string; label?: string | null; address?: PostalAddressInput }
>;

export type RemoveAddress = DomainCommand<'RemoveAddress', ForCustomer & { addressId: string }>;

export type AddContactPerson = DomainCommand<
  'AddContactPerson',
  ForCustomer & {
    contactId: string;
    name: string;
    role?: string | null;
    email?: string | null;
    phone?: string | null;
    /** Consent is opt-in: a flag left out is `false`. */
    consents?: Partial<ContactConsents>;
  }
>;

/** `PATCH /customers/:id/contacts/:contactId`: fields left out keep their value. */
export type EditContactPerson = DomainCommand<
  'EditContactPerson',
  ForCustomer & {
    contactId: string;
    name?: string;
    role?: string | null;
    email?: string | null;
    phone?: string | null;
    /** Flags left out keep their value. */
    consents?: Partial<ContactConsents>;
  }
>;

export type RemoveContactPerson = DomainCommand<
  'RemoveContactPerson',
  ForCustomer & { contactId: string }
>;

/**
 * An interest's fields as the client gives them: a product as text or a catalog tariff by id
 * (`tariff` is that entry's state, read from its stream by the application), and who showed
 * it as one of the customer's contacts by id or a free name.
 */
export interface InterestInput {
  product?: string | null;
  tariffId?: string | null;
  tariff?: CatalogState | null;
  contactId?: string | null;
  contactName?: string | null;
  /** `YYYY-MM-DD`; none on recording: the command's day in the tenant's zone. */
  shownOn?: string | null;
  notes?: string | null;
}

export type RecordInterest = DomainCommand<
  'RecordInterest',
  ForCustomer & { interestId: string } & InterestInput
>;

/** `PATCH /customers/:id/interests/:interestId`: fields left out keep their value. */
export type EditInterest = DomainCommand<
  'EditInterest',
  ForCustomer & { interestId: string } & InterestInput
>;

export type RemoveInterest = DomainCommand<'RemoveInterest', ForCustomer & { interestId: string }>;

export type RecordInteraction = DomainCommand<
  'RecordInteraction',
  ForCustomer & {
    interactionId: string;
    kind: InteractionKind;
    /** Defaults to `defaultInteractionDirection(kind)`. */
    direction?: InteractionDirection;
    text: string;
  }
>;

/** A subscription still invoiced (status `active`, rule R5), named so the operator can act. */
export interface BillableSubscription {
  subscriptionId: string;
  contractId: string;
  tariff: string;
}

/**
 * The customer's billable subscriptions live in other streams: the application layer gathers
 * them and passes them in (none given: none known). While any remains, deactivation is refused.
 */
export type DeactivateCustomer = DomainCommand<
  'DeactivateCustomer',
  ForCustomer & { reason?: string | null; billableSubscriptions?: BillableSubscription[] }
>;

export type ReactivateCustomer = DomainCommand<'ReactivateCustomer', ForCustomer>;

/**
 * Rule R6 depends on invoices, contracts and subscriptions, which live in other streams: the
 * application layer gathers them (see `customerDeletionBlockers`) and passes the blockers in.
 */
export type DeleteCustomer = DomainCommand<
  'DeleteCustomer',
  ForCustomer & { blockers: DeletionBlocker[] }
>;

/** Blockers (unpaid invoices, live subscriptions) gathered by the application layer. */
export type EraseCustomerPersonalData = DomainCommand<
  'EraseCustomerPersonalData',
  ForCustomer & { blockers: DeletionBlocker[] }
>;

/** Rule 26: the application generated the password; only its salted hash is decided on. */
export type RegeneratePortalPassword = DomainCommand<
  'RegeneratePortalPassword',
  ForCustomer & { regenerationId: string; passwordHash: string }
>;

export type CustomerCommand =
  | RegisterCustomer
  | EditCustomer
  | RenameCustomer
  | ChangeCustomerEmail
  | ChangeBillingSettings
  | AddAddress
  | EditAddress
  | RemoveAddress
  | AddContactPerson
  | EditContactPerson
  | RemoveContactPerson
  | RecordInteraction
  | RecordInterest
  | EditInterest
  | RemoveInterest
  | DeactivateCustomer
  | ReactivateCustomer
  | DeleteCustomer
  | EraseCustomerPersonalData
  | RegeneratePortalPassword
  | LinkCustomerCatalogs;

export type CustomerCommandType = CustomerCommand['type'];
