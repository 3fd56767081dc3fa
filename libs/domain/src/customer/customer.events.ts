import { CatalogLinks } from './customer.catalog-links';
import { DomainEvent } from '../shared/decider';
import { PostalAddress, CustomerProfile, PersonName } from './customer.profile';
import { CustomerDetailsChange } from './customer.detail-fields';
import { BillingSettings, BillingSettingsChange } from './customer.billing';
import {
  AddressEntryChange,
  ContactChange,
  ContactConsents,
} from './customer.addresses-and-contacts';
import { InteractionDirection, InteractionKind } from './customer.interaction';
import { CustomerInterest, InterestChange } from './customer.interests';

/** Set on the events a bulk update (rule R14) wrote, so it can be audited and reverted whole. */
export interface PartOfBulkOperation {
  bulkOperationId?: string;
}

export type CustomerRegistered = DomainEvent<
  'CustomerRegistered',
  { customerId: string; registeredAt: string; catalogLinks?: CatalogLinks } & CustomerProfile
>;

/** Details other than the name and the main e-mail, field by field. */
export type CustomerDetailsEdited = DomainEvent<
  'CustomerDetailsEdited',
  {
    customerId: string;
    changes: CustomerDetailsChange[];
    catalogLinks?: CatalogLinks;
  } & PartOfBulkOperation
>;

/**
 * Rule 28: the catalog entries (zone, seller, collector) the customer is linked to by id, when
 * no edit of the details says so itself: a choice of the same name under another id, or the
 * carrying over of free text written before catalogs existed (`cli catalogs-migrate`).
 */
export type CustomerCatalogLinked = DomainEvent<
  'CustomerCatalogLinked',
  { customerId: string; links: CatalogLinks; linkedAt: string }
>;

/** The main e-mail, unique among customers that are not deleted (rule R2). */
export type CustomerEmailChanged = DomainEvent<
  'CustomerEmailChanged',
  { customerId: string; before: string | null; after: string | null } & PartOfBulkOperation
>;

/** The person type and the five name fields; issued invoices keep their snapshot (rule R15). */
export type CustomerRenamed = DomainEvent<
  'CustomerRenamed',
  { customerId: string; before: PersonName; after: PersonName } & PartOfBulkOperation
>;

/** `settings` is the whole billing tab afterwards; `changes` what moved, for history and revert. */
export type CustomerBillingSettingsChanged = DomainEvent<
  'CustomerBillingSettingsChanged',
  {
    customerId: string;
    settings: BillingSettings;
    changes: BillingSettingsChange[];
  } & PartOfBulkOperation
>;

export type AddressAdded = DomainEvent<
  'AddressAdded',
  { customerId: string; addressId: string; label: string | null; address: PostalAddress }
>;

/** One address of the tab edited: what changed, field by field (`address.city`, `label`). */
export type AddressEdited = DomainEvent<
  'AddressEdited',
  { customerId: string; addressId: string; changes: AddressEntryChange[] }
>;

export type AddressRemoved = DomainEvent<
  'AddressRemoved',
  { customerId: string; addressId: string }
>;

export type ContactPersonAdded = DomainEvent<
  'ContactPersonAdded',
  {
    customerId: string;
    contactId: string;
    name: string;
    role: string | null;
    email: string | null;
    phone: string | null;
    consents: ContactConsents;
  }
>;

/** One contact person edited: what changed, field by field (`email`, `consents.sms`). */
export type ContactPersonEdited = DomainEvent<
  'ContactPersonEdited',
  { customerId: string; contactId: string; changes: ContactChange[] }
>;

export type ContactPersonRemoved = DomainEvent<
  'ContactPersonRemoved',
  { customerId: string; contactId: string }
>;

export type InteractionRecorded = DomainEvent<
  'InteractionRecorded',
  {
    customerId: string;
    interactionId: string;
    kind: InteractionKind;
    /** Since schema version 2; v1 events are upcast with `defaultInteractionDirection`. */
    direction: InteractionDirection;
    text: string;
    recordedAt: string;
  }
>;

/** Seed 003's interests tab: a product the customer showed interest in. */
export type InterestRecorded = DomainEvent<
  'InterestRecorded',
  { customerId: string; recordedAt: string } & CustomerInterest
>;

/** One interest edited: what changed, field by field (`notes`, `shownOn`). */
export type InterestEdited = DomainEvent<
  'InterestEdited',
  { customerId: string; interestId: string; changes: InterestChange[]; editedAt: string }
>;

export type InterestRemoved = DomainEvent<
  'InterestRemoved',
  { customerId: string; interestId: string; removedAt: string }
>;

export type CustomerDeactivated = DomainEvent<
  'CustomerDeactivated',
  { customerId: string; reason: string | null; deactivatedAt: string }
>;

export type CustomerReactivated = DomainEvent<
  'CustomerReactivated',
  { customerId: string; reactivatedAt: string }
>;

export type CustomerDeleted = DomainEvent<
  'CustomerDeleted',
  { customerId: string; deletedAt: string }
>;

/**
 * The customer's personal data erased (GDPR art. 17): carries none itself. The event store
 * destroys the customer's key on it, so every earlier personal field reads as erased.
 */
export type CustomerPersonalDataErased = DomainEvent<
  'CustomerPersonalDataErased',
  { customerId: string; erasedAt: string }
>;

/**
 * Rule 26: a new portal password for the customer. Only its salted hash travels here
 * (`scrypt$N$r$p$salt$hash`), sealed with the customer's key; the password itself reaches the
 * customer only through the sends, held for them under `regenerationId`.
 */
export type PortalPasswordRegenerated = DomainEvent<
  'PortalPasswordRegenerated',
  {
    customerId: string;
    regenerationId: string;
    /** Null once the customer's personal data is erased (its key destroyed). */
    passwordHash: string | null;
    regeneratedAt: string;
  }
>;

export type CustomerEvent =
  | CustomerRegistered
  | CustomerDetailsEdited
  | CustomerCatalogLinked
  | CustomerEmailChanged
  | CustomerRenamed
  | CustomerBillingSettingsChanged
  | AddressAdded
  | AddressEdited
  | AddressRemoved
  | ContactPersonAdded
  | ContactPersonEdited
  | ContactPersonRemoved
  | InteractionRecorded
  | InterestRecorded
  | InterestEdited
  | InterestRemoved
  | CustomerDeactivated
  | CustomerReactivated
  | CustomerDeleted
  | CustomerPersonalDataErased
  | PortalPasswordRegenerated;

export type CustomerEventType = CustomerEvent['type'];

/** Every customer event type, for projections' `canHandle`; the map makes a missing one a compile error. */
const CUSTOMER_EVENT_TYPE_SET: Record<CustomerEventType, true> = {
  CustomerRegistered: true,
  CustomerDetailsEdited: true,
  CustomerCatalogLinked: true,
  CustomerEmailChanged: true,
  CustomerRenamed: true,
  CustomerBillingSettingsChanged: true,
  AddressAdded: true,
  AddressEdited: true,
  AddressRemoved: true,
  ContactPersonAdded: true,
  ContactPersonEdited: true,
  ContactPersonRemoved: true,
  InteractionRecorded: true,
  InterestRecorded: true,
  InterestEdited: true,
  InterestRemoved: true,
  CustomerDeactivated: true,
  CustomerReactivated: true,
  CustomerDeleted: true,
  CustomerPersonalDataErased: true,
  PortalPasswordRegenerated: true,
};

export const CUSTOMER_EVENT_TYPES = Object.keys(CUSTOMER_EVENT_TYPE_SET) as CustomerEventType[];

export const isCustomerEvent = (event: { type: string }): event is CustomerEvent =>
  Object.prototype.hasOwnProperty.call(CUSTOMER_EVENT_TYPE_SET, event.type);
