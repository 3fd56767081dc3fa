import { assertNever } from '../shared/decider';
import { applyAddressEntryChanges, applyContactChanges } from './customer.addresses-and-contacts';
import { DEFAULT_BILLING_SETTINGS } from './customer.billing';
import { applyInterestChanges } from './customer.interests';
import { applyDetailChanges } from './customer.detail-fields';
import { CatalogLinkIds, CatalogLinks, withCatalogLinks } from './customer.catalog-links';
import { CustomerEvent, CustomerRegistered } from './customer.events';
import { CustomerRecord, CustomerState, isRegistered, RegisteredCustomer } from './customer.state';

/**
 * Folds one event into the state. Events are facts already accepted, so evolve never refuses:
 * an event that cannot apply to the current status leaves the state as it is.
 */
export function evolveCustomer(state: CustomerState, event: CustomerEvent): CustomerState {
  const { type, data } = event;
  switch (type) {
    case 'CustomerRegistered':
      return registered(data);
    case 'CustomerRenamed':
      return update(state, ({ profile }) => ({ profile: { ...profile, ...data.after } }));
    case 'CustomerEmailChanged':
      return update(state, ({ profile }) => ({ profile: { ...profile, email: data.after } }));
    case 'CustomerDetailsEdited':
      return update(state, ({ profile, catalogLinks }) => ({
        profile: applyDetailChanges(profile, data.changes),
        ...linked(catalogLinks, data.catalogLinks),
      }));
    case 'CustomerCatalogLinked':
      return update(state, ({ catalogLinks }) => linked(catalogLinks, data.links));
    case 'CustomerBillingSettingsChanged':
      return update(state, () => ({
        billing: { ...data.settings, issuerId: data.settings.issuerId ?? null },
      }));
    case 'AddressAdded':
      return update(state, ({ addresses }) => ({
        addresses: [
          ...addresses,
          { addressId: data.addressId, label: data.label, address: data.address },
        ],
      }));
    case 'AddressEdited':
      return update(state, ({ addresses }) => ({
        addresses: addresses.map((entry) =>
          entry.addressId === data.addressId
            ? applyAddressEntryChanges(entry, data.changes)
            : entry,
        ),
      }));
    case 'AddressRemoved':
      return update(state, ({ addresses }) => ({
        addresses: addresses.filter((entry) => entry.addressId !== data.addressId),
      }));
    case 'ContactPersonAdded': {
      const { customerId: _customerId, ...contact } = data;
      return update(state, ({ contacts }) => ({ contacts: [...contacts, contact] }));
    }
    case 'ContactPersonEdited':
      return update(state, ({ contacts }) => ({
        contacts: contacts.map((contact) =>
          contact.contactId === data.contactId
            ? applyContactChanges(contact, data.changes)
            : contact,
        ),
      }));
    case 'ContactPersonRemoved':
      return update(state, ({ contacts }) => ({
        contacts: contacts.filter((contact) => contact.contactId !== data.contactId),
      }));
    case 'InteractionRecorded':
      return state;
    case 'InterestRecorded': {
      const { customerId: _customerId, recordedAt: _at, ...interest } = data;
      return update(state, ({ interests = [] }) => ({ interests: [...interests, interest] }));
    }
    case 'InterestEdited':
      return update(state, ({ interests = [] }) => ({
        interests: interests.map((interest) =>
          interest.interestId === data.interestId
            ? applyInterestChanges(interest, data.changes)
            : interest,
        ),
      }));
    case 'InterestRemoved':
      return update(state, ({ interests = [] }) => ({
        interests: interests.filter((interest) => interest.interestId !== data.interestId),
      }));
    // Rule 26: no decision reads the portal password; the portal's read model keeps its hash.
    case 'PortalPasswordRegenerated':
      return state;
    case 'CustomerDeactivated':
      if (state.status !== 'active') return state;
      return {
        ...state,
        status: 'inactive',
        deactivatedAt: data.deactivatedAt,
        deactivationReason: data.reason,
      };
    case 'CustomerReactivated': {
      if (state.status !== 'inactive') return state;
      const { deactivatedAt: _at, deactivationReason: _reason, ...record } = state;
      return { ...record, status: 'active' };
    }
    case 'CustomerDeleted':
      return { status: 'deleted', customerId: data.customerId, deletedAt: data.deletedAt };
    case 'CustomerPersonalDataErased':
      return { status: 'erased', customerId: data.customerId, erasedAt: data.erasedAt };
    default:
      return assertNever(type, 'customer event');
  }
}

function registered(data: CustomerRegistered['data']): CustomerState {
  const { customerId, registeredAt, catalogLinks, ...profile } = data;
  const record: CustomerRecord = {
    customerId,
    registeredAt,
    profile,
    billing: DEFAULT_BILLING_SETTINGS,
    addresses: [],
    contacts: [],
    ...linked(undefined, catalogLinks),
  };
  return { status: 'active', ...record };
}

/** The ids held once `links` apply; nothing when the event links none (older events). */
function linked(held: CatalogLinkIds | undefined, links: CatalogLinks | undefined) {
  return links ? { catalogLinks: withCatalogLinks(held, links) } : {};
}

function update(
  state: CustomerState,
  change: (customer: RegisteredCustomer) => Partial<CustomerRecord>,
): CustomerState {
  return isRegistered(state) ? { ...state, ...change(state) } : state;
}
