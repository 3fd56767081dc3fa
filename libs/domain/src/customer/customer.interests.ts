/**
 * "Intereses" (seed 003): the products a customer showed interest in, who at the customer
 * showed it, on which day, with the operator's notes.
 */
import { changedFields, FieldChangeOf } from '../shared/field-changes';

export interface CustomerInterest {
  interestId: string;
  /** What the customer is interested in: free text, or the catalog tariff's name when chosen. */
  product: string;
  /** Rule 28: the catalog tariff chosen by id, if the product is one. */
  tariffId: string | null;
  /** One of the customer's contact persons, by id; `contactName` is then its name. */
  contactId: string | null;
  /** Who showed the interest: the contact's name, or a free name. Personal data. */
  contactName: string | null;
  /** "Interés mostrado el día", `YYYY-MM-DD`. */
  shownOn: string;
  /** The operator's notes. Personal data: they may quote the customer. */
  notes: string | null;
}

export const MAX_INTEREST_PRODUCT_LENGTH = 200;
export const MAX_INTEREST_CONTACT_NAME_LENGTH = 200;
export const MAX_INTEREST_NOTES_LENGTH = 5000;

export type InterestFields = Omit<CustomerInterest, 'interestId'>;
export type InterestChange = FieldChangeOf<InterestFields>;

const INTEREST_FIELDS: readonly (keyof InterestFields)[] = [
  'product',
  'tariffId',
  'contactId',
  'contactName',
  'shownOn',
  'notes',
];

const fieldsOf = ({ interestId: _id, ...fields }: CustomerInterest): InterestFields => fields;

/** What an edit of an interest changed, field by field (rule R13's before/after). */
export const interestChanges = (before: CustomerInterest, after: CustomerInterest) =>
  changedFields(fieldsOf(before), fieldsOf(after), INTEREST_FIELDS);

export const applyInterestChanges = (
  interest: CustomerInterest,
  changes: readonly InterestChange[],
): CustomerInterest =>
  changes.reduce<CustomerInterest>(
    (current, change) => ({ ...current, [change.field]: change.after }),
    interest,
  );
