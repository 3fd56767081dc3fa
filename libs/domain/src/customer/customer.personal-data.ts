import { NO_PERSONAL_DATA, PersonalDataMap } from '../shared/personal-data';
import { EMPTY_ADDRESS, NAME_FIELDS, NameField } from './customer.profile';
import { CustomerEvent } from './customer.events';
import { UniqueValueEvent } from './customer.unique-value.events';
import { ERASED } from './customer.erasure';

/** The five name fields under `prefix`, as they read once erased (`name` required). */
const nameErased = <Prefix extends string>(prefix: Prefix) =>
  Object.fromEntries(
    NAME_FIELDS.map((field) => [`${prefix}${field}`, field === 'name' ? ERASED : null]),
  ) as { [F in NameField as `${Prefix}${F}`]: string | null };

const DETAIL_PERSONAL_FIELDS = {
  document: null,
  phone: null,
  mobile: null,
  'address.street': null,
  'address.city': null,
  'address.neighbourhood': null,
  'address.province': null,
  'address.postalCode': null,
  'address.country': null,
  observations: null,
} as const;

/**
 * Which fields of customer events are personal data, sealed per customer and erased with its
 * key, and what each reads as once erased. Kept in clear: ids, the person type, the customer
 * code, zone, seller and collector (the operator's own data), billing flags, day, series and
 * VAT, interaction kinds and every date. Sealed: names, e-mails, document, phones, addresses,
 * observations, contacts, interaction text, deactivation reasons, the customer's IBAN and tax
 * id, and the e-mails to notify. Paths hold for every schema version still in the log.
 */
export const CUSTOMER_PERSONAL_FIELDS = {
  CustomerRegistered: {
    paths: {
      ...nameErased(''),
      email: null,
      document: null,
      phone: null,
      mobile: null,
      address: EMPTY_ADDRESS,
      observations: null,
    },
  },
  CustomerRenamed: { paths: { ...nameErased('before.'), ...nameErased('after.') } },
  CustomerEmailChanged: { paths: { before: null, after: null } },
  CustomerDetailsEdited: { changeLists: { changes: DETAIL_PERSONAL_FIELDS } },
  /** Catalog entries are the operator's own lists (rule 28): ids and names of zones, sellers, collectors. */
  CustomerCatalogLinked: NO_PERSONAL_DATA,
  CustomerBillingSettingsChanged: {
    paths: { 'settings.iban': null, 'settings.taxId': null, 'settings.notifyEmails': [] },
    changeLists: { changes: { iban: null, taxId: null, notifyEmails: [] } },
  },
  AddressAdded: { paths: { label: null, address: EMPTY_ADDRESS } },
  AddressEdited: {
    changeLists: {
      changes: {
        label: null,
        'address.street': null,
        'address.city': null,
        'address.neighbourhood': null,
        'address.province': null,
        'address.postalCode': null,
        'address.country': null,
      },
    },
  },
  AddressRemoved: NO_PERSONAL_DATA,
  ContactPersonAdded: { paths: { name: ERASED, role: null, email: null, phone: null } },
  ContactPersonEdited: {
    changeLists: { changes: { name: ERASED, role: null, email: null, phone: null } },
  },
  ContactPersonRemoved: NO_PERSONAL_DATA,
  InteractionRecorded: { paths: { text: ERASED } },
  // Seed 003: who showed an interest and the operator's notes; product, tariff, ids, dates clear.
  InterestRecorded: { paths: { contactName: null, notes: null } },
  InterestEdited: { changeLists: { changes: { contactName: null, notes: null } } },
  InterestRemoved: NO_PERSONAL_DATA,
  CustomerDeactivated: { paths: { reason: null } },
  CustomerReactivated: NO_PERSONAL_DATA,
  CustomerDeleted: NO_PERSONAL_DATA,
  CustomerPersonalDataErased: NO_PERSONAL_DATA,
  // Rule 26: even the salted hash is sealed, and gone with the customer's key.
  PortalPasswordRegenerated: { paths: { passwordHash: null } },
} satisfies PersonalDataMap<CustomerEvent>;

/** The reservation streams of rules R2 and R3 name the value by its digest only. */
export const UNIQUE_VALUE_PERSONAL_FIELDS = {
  UniqueValueClaimed: NO_PERSONAL_DATA,
  UniqueValueReleased: NO_PERSONAL_DATA,
} satisfies PersonalDataMap<UniqueValueEvent>;
