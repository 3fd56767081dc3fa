import { EMPTY_ADDRESS, NAME_FIELDS } from './customer.profile';
import { CustomerEventType } from './customer.events';
import { ERASED } from './customer.erasure';

/** The personal parts of one event type (the shape the event store's policy reads). */
interface PersonalFieldsOf {
  paths?: Record<string, unknown>;
  changeLists?: Record<string, Record<string, unknown>>;
}

const nameErased = (prefix: string) =>
  Object.fromEntries(
    NAME_FIELDS.map((field) => [`${prefix}${field}`, field === 'name' ? ERASED : null]),
  );

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
};

/**
 * Which fields of customer events are personal data, sealed per customer and erased with its
 * key, and what each reads as once erased. Kept in clear: ids, the person type, the customer
 * code, zone, seller and collector (the operator's own data), billing flags, day, series and
 * VAT, interaction kinds and every date. Sealed: names, e-mails, document, phones, addresses,
 * observations, contacts, interaction text, deactivation reasons, the customer's IBAN and tax
 * id, and the e-mails to notify. Paths hold for every schema version still in the log.
 */
export const CUSTOMER_PERSONAL_FIELDS: Partial<Record<CustomerEventType, PersonalFieldsOf>> = {
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
  CustomerBillingSettingsChanged: {
    paths: { 'settings.iban': null, 'settings.taxId': null, 'settings.notifyEmails': [] },
    changeLists: { changes: { iban: null, taxId: null, notifyEmails: [] } },
  },
  AddressAdded: { paths: { label: null, address: EMPTY_ADDRESS } },
  ContactPersonAdded: { paths: { name: ERASED, role: null, email: null, phone: null } },
  InteractionRecorded: { paths: { text: ERASED } },
  CustomerDeactivated: { paths: { reason: null } },
};

/** The event store's crypto-shredding policy for customers: the subject is the customer. */
export const customerPersonalDataPolicy = {
  subjectField: 'customerId',
  erasureEventType: 'CustomerPersonalDataErased',
  events: CUSTOMER_PERSONAL_FIELDS as Record<string, PersonalFieldsOf>,
};
