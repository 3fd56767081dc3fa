import { DocumentData } from '../values/spanish-document';

export const PERSON_TYPES = ['other', 'natural', 'legal'] as const;
/** `other` (the default), `natural` ("persona física"), `legal` ("persona jurídica"). */
export type PersonType = (typeof PERSON_TYPES)[number];

/** The five name fields of rule R1, in the order the customer form shows them. */
export const NAME_FIELDS = [
  'name',
  'givenName',
  'middleName',
  'firstSurname',
  'secondSurname',
] as const;
export type NameField = (typeof NAME_FIELDS)[number];

/**
 * How a customer is called. `name` is the full name (the only one `other` and `legal` need);
 * `givenName`, `middleName` (second given name), `firstSurname` and `secondSurname` split it
 * for natural persons. Absent values are `null`, never empty strings.
 */
export type PersonName = { personType: PersonType } & Record<NameField, string | null>;

export const ADDRESS_FIELDS = [
  'street',
  'city',
  'neighbourhood',
  'province',
  'postalCode',
  'country',
] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export type PostalAddress = Record<AddressField, string | null>;

export const EMPTY_ADDRESS: PostalAddress = {
  street: null,
  city: null,
  neighbourhood: null,
  province: null,
  postalCode: null,
  country: null,
};

/** Everything on the customer form besides the name and the main e-mail. */
export interface CustomerDetails {
  /** The operator's own customer id ("ID personalizable"), free text. */
  code: string | null;
  document: DocumentData | null;
  phone: string | null;
  mobile: string | null;
  /** The address printed on invoices; further addresses are "Domicilios". */
  address: PostalAddress;
  zone: string | null;
  seller: string | null;
  collector: string | null;
  observations: string | null;
}

export type CustomerProfile = PersonName & { email: string | null } & CustomerDetails;

export const EMPTY_PROFILE: CustomerProfile = {
  personType: 'other',
  name: null,
  givenName: null,
  middleName: null,
  firstSurname: null,
  secondSurname: null,
  email: null,
  code: null,
  document: null,
  phone: null,
  mobile: null,
  address: EMPTY_ADDRESS,
  zone: null,
  seller: null,
  collector: null,
  observations: null,
};

export const isPersonType = (value: unknown): value is PersonType =>
  (PERSON_TYPES as readonly unknown[]).includes(value);

export function personNameOf(profile: PersonName): PersonName {
  const { personType, name, givenName, middleName, firstSurname, secondSurname } = profile;
  return { personType, name, givenName, middleName, firstSurname, secondSurname };
}

/** The name to print: the full name, else the parts a natural person filled in. */
export function displayName(person: PersonName): string {
  if (person.name !== null) return person.name;
  return [person.givenName, person.middleName, person.firstSurname, person.secondSurname]
    .filter((part): part is string => part !== null)
    .join(' ');
}
