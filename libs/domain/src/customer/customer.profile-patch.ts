import { RefusalReason } from '../shared/domain-error';
import { Email } from '../values/email';
import { DocumentData, SpanishDocument } from '../values/spanish-document';
import { personNameProblems } from './customer.name.rule';
import {
  ADDRESS_FIELDS,
  AddressField,
  CustomerProfile,
  EMPTY_ADDRESS,
  NAME_FIELDS,
  PersonName,
  PersonType,
  PostalAddress,
} from './customer.profile';

/** In a patch, a missing (`undefined`) field stays as it is; `null` or blank clears it. */
export type TextInput = string | null | undefined;

export type PostalAddressInput = Partial<Record<AddressField, string | null>>;

export interface DocumentInput {
  type: string;
  number: string;
}

/** The person type defaults to `other` at registration, as on the customer form. */
export type PersonNameInput = { personType?: PersonType } & Partial<
  Record<(typeof NAME_FIELDS)[number], string | null>
>;

/** The customer form as `POST /customers` takes it. */
export interface CustomerProfileInput extends PersonNameInput {
  code?: string | null;
  document?: DocumentInput | null;
  email?: string | null;
  phone?: string | null;
  mobile?: string | null;
  address?: PostalAddressInput | null;
  zone?: string | null;
  seller?: string | null;
  collector?: string | null;
  observations?: string | null;
}

/** `PATCH /customers/:id`: any field of the form, the rest untouched. */
export type CustomerProfilePatch = Partial<CustomerProfileInput>;

export interface PatchedProfile {
  profile: CustomerProfile;
  problems: RefusalReason[];
}

/** Trimmed text; blank means "no value". */
export function patchText(input: TextInput, current: string | null): string | null {
  if (input === undefined) return current;
  const trimmed = input?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Trimmed text for a new record, where there is nothing to keep. */
export const optionalText = (input: TextInput): string | null => patchText(input, null);

/**
 * Applies a patch and checks the rules on what it touches: R1 on the resulting name when any
 * name field or the person type changes, R2 on a new e-mail, R3 on a new document. Fields the
 * patch leaves alone are not re-judged, so older records stay editable.
 */
export function patchProfile(
  current: CustomerProfile,
  patch: CustomerProfilePatch,
): PatchedProfile {
  const problems: RefusalReason[] = [];
  const name = patchName(current, patch);
  if (touchesName(patch)) problems.push(...personNameProblems(name));
  const email = patchEmail(current.email, patch.email, problems);
  const document = patchDocument(current.document, patch.document, problems);
  const profile: CustomerProfile = {
    ...name,
    email,
    document,
    code: patchText(patch.code, current.code),
    phone: patchText(patch.phone, current.phone),
    mobile: patchText(patch.mobile, current.mobile),
    address: patchAddress(current.address, patch.address),
    zone: patchText(patch.zone, current.zone),
    seller: patchText(patch.seller, current.seller),
    collector: patchText(patch.collector, current.collector),
    observations: patchText(patch.observations, current.observations),
  };
  return { profile, problems };
}

export function touchesName(patch: CustomerProfilePatch): boolean {
  return patch.personType !== undefined || NAME_FIELDS.some((field) => patch[field] !== undefined);
}

function patchName(current: PersonName, patch: CustomerProfilePatch): PersonName {
  return {
    personType: patch.personType ?? current.personType,
    name: patchText(patch.name, current.name),
    givenName: patchText(patch.givenName, current.givenName),
    middleName: patchText(patch.middleName, current.middleName),
    firstSurname: patchText(patch.firstSurname, current.firstSurname),
    secondSurname: patchText(patch.secondSurname, current.secondSurname),
  };
}

function patchEmail(current: string | null, input: TextInput, problems: RefusalReason[]) {
  const raw = patchText(input, current);
  if (input === undefined || raw === null) return raw;
  const checked = Email.check(raw, 'email');
  if (checked.ok) return checked.value.value;
  problems.push(checked.reason);
  return current;
}

function patchDocument(
  current: DocumentData | null,
  input: DocumentInput | null | undefined,
  problems: RefusalReason[],
): DocumentData | null {
  if (input === undefined) return current;
  if (input === null) return null;
  const checked = SpanishDocument.check(input, 'document');
  if (checked.ok) return checked.value.toJSON();
  problems.push(checked.reason);
  return current;
}

export function patchAddress(current: PostalAddress, input: PostalAddressInput | null | undefined) {
  if (input === undefined) return current;
  if (input === null) return EMPTY_ADDRESS;
  const entries = ADDRESS_FIELDS.map((field) => [field, patchText(input[field], current[field])]);
  return Object.fromEntries(entries) as PostalAddress;
}
