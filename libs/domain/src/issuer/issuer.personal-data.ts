import { NO_PERSONAL_DATA, PersonalDataMap } from '../shared/personal-data';
import { IssuerEvent, IssuerValueEvent } from './issuer.events';

/** Why an issuer's identity is kept in clear. */
export const ISSUER_RETENTION =
  "The issuer is the business itself, printed on every invoice it issues: a self-employed issuer's name, NIF and address are kept as long as its invoices must be (rules R9, R15, 21), and no customer's erasure concerns them.";

/** Issuer events seal nothing (no customer is their subject); a self-employed issuer's identity is kept in clear. */
export const ISSUER_PERSONAL_FIELDS = {
  IssuerRegistered: {
    keptInClear: { paths: ['legalName', 'nif', 'address'], because: ISSUER_RETENTION },
  },
  IssuerEdited: { keptInClear: { paths: ['changes'], because: ISSUER_RETENTION } },
} satisfies PersonalDataMap<IssuerEvent>;

/** The reservation streams name a hash of the value, and their events only the issuer id. */
export const ISSUER_VALUE_PERSONAL_FIELDS = {
  IssuerValueClaimed: NO_PERSONAL_DATA,
  IssuerValueReleased: NO_PERSONAL_DATA,
} satisfies PersonalDataMap<IssuerValueEvent>;
