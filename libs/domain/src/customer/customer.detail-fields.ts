import { FieldChangeOf, changedFields } from '../shared/field-changes';
import { DocumentData } from '../values/spanish-document';
import { ADDRESS_FIELDS, AddressField, CustomerDetails, CustomerProfile } from './customer.profile';

/**
 * The details as the history tab lists them: the invoice address split into its parts
 * (`address.city`), since operators edit one part at a time; the document kept whole, since
 * its type and number are only valid together.
 */
export type CustomerDetailFields = {
  [K in Exclude<keyof CustomerDetails, 'address' | 'document'>]: string | null;
} & { document: DocumentData | null } & { [K in `address.${AddressField}`]: string | null };

export type CustomerDetailsChange = FieldChangeOf<CustomerDetailFields>;

const DETAIL_FIELDS: readonly (keyof CustomerDetailFields)[] = [
  'code',
  'document',
  'phone',
  'mobile',
  ...ADDRESS_FIELDS.map((field) => `address.${field}` as const),
  'zone',
  'seller',
  'collector',
  'observations',
];

export function detailFieldsOf(profile: CustomerProfile): CustomerDetailFields {
  const { code, document, phone, mobile, zone, seller, collector, observations } = profile;
  const address = Object.fromEntries(
    ADDRESS_FIELDS.map((field) => [`address.${field}`, profile.address[field]]),
  ) as { [K in `address.${AddressField}`]: string | null };
  return { code, document, phone, mobile, zone, seller, collector, observations, ...address };
}

export function detailChanges(before: CustomerProfile, after: CustomerProfile) {
  return changedFields(detailFieldsOf(before), detailFieldsOf(after), DETAIL_FIELDS);
}

export function applyDetailChanges(
  profile: CustomerProfile,
  changes: readonly CustomerDetailsChange[],
): CustomerProfile {
  return changes.reduce<CustomerProfile>((current, change) => {
    if (change.field.startsWith('address.')) {
      const part = change.field.slice('address.'.length) as AddressField;
      return { ...current, address: { ...current.address, [part]: change.after } };
    }
    return { ...current, [change.field]: change.after };
  }, profile);
}
