/** "Domicilios": further addresses of the customer besides the one printed on invoices. */
import { changedFields, FieldChangeOf } from '../shared/field-changes';
import { ADDRESS_FIELDS, AddressField, PostalAddress } from './customer.profile';

export interface CustomerAddress {
  addressId: string;
  /** What the address is for, in the operator's words ("installation", "second home"). */
  label: string | null;
  address: PostalAddress;
}

/** Whether the contact person accepts postal mailings, e-mailings and SMS campaigns. */
export interface ContactConsents {
  mailing: boolean;
  email: boolean;
  sms: boolean;
}

/** "Contactos": people at the customer we deal with (employees of a company, relatives). */
export interface ContactPerson {
  contactId: string;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  consents: ContactConsents;
}

/** An address entry as its edits list it: the label, and the address split into its parts. */
export type AddressEntryFields = { label: string | null } & {
  [K in `address.${AddressField}`]: string | null;
};

export type AddressEntryChange = FieldChangeOf<AddressEntryFields>;

const ADDRESS_ENTRY_FIELDS: readonly (keyof AddressEntryFields)[] = [
  'label',
  ...ADDRESS_FIELDS.map((field) => `address.${field}` as const),
];

function addressEntryFieldsOf(entry: CustomerAddress): AddressEntryFields {
  const parts = Object.fromEntries(
    ADDRESS_FIELDS.map((field) => [`address.${field}`, entry.address[field]]),
  ) as { [K in `address.${AddressField}`]: string | null };
  return { label: entry.label, ...parts };
}

/** What an edit of an address changed, field by field (rule R13's before/after). */
export const addressEntryChanges = (before: CustomerAddress, after: CustomerAddress) =>
  changedFields(addressEntryFieldsOf(before), addressEntryFieldsOf(after), ADDRESS_ENTRY_FIELDS);

export function applyAddressEntryChanges(
  entry: CustomerAddress,
  changes: readonly AddressEntryChange[],
): CustomerAddress {
  return changes.reduce<CustomerAddress>((current, change) => {
    if (change.field === 'label') return { ...current, label: change.after };
    const part = change.field.slice('address.'.length) as AddressField;
    return { ...current, address: { ...current.address, [part]: change.after } };
  }, entry);
}

/** A contact person as its edits list it: the consents split into their flags. */
export type ContactFields = Pick<ContactPerson, 'name' | 'role' | 'email' | 'phone'> & {
  [K in `consents.${keyof ContactConsents}`]: boolean;
};

export type ContactChange = FieldChangeOf<ContactFields>;

const CONSENTS = ['mailing', 'email', 'sms'] as const satisfies readonly (keyof ContactConsents)[];

const CONTACT_FIELDS: readonly (keyof ContactFields)[] = [
  'name',
  'role',
  'email',
  'phone',
  ...CONSENTS.map((flag) => `consents.${flag}` as const),
];

function contactFieldsOf({ name, role, email, phone, consents }: ContactPerson): ContactFields {
  const flags = Object.fromEntries(CONSENTS.map((flag) => [`consents.${flag}`, consents[flag]]));
  return {
    name,
    role,
    email,
    phone,
    ...(flags as { [K in `consents.${keyof ContactConsents}`]: boolean }),
  };
}

/** What an edit of a contact person changed, field by field (rule R13's before/after). */
export const contactChanges = (before: ContactPerson, after: ContactPerson) =>
  changedFields(contactFieldsOf(before), contactFieldsOf(after), CONTACT_FIELDS);

export function applyContactChanges(
  contact: ContactPerson,
  changes: readonly ContactChange[],
): ContactPerson {
  return changes.reduce<ContactPerson>((current, change) => {
    if (change.field.startsWith('consents.')) {
      const flag = change.field.slice('consents.'.length) as keyof ContactConsents;
      return { ...current, consents: { ...current.consents, [flag]: change.after } };
    }
    return { ...current, [change.field]: change.after };
  }, contact);
}
