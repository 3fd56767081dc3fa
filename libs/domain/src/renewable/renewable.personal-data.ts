import { NO_PERSONAL_DATA, PersonalDataMap } from '../shared/personal-data';
import { RenewableEvent } from './renewable.events';

/**
 * A renewable is the operator's product code, its catalogue description, dates and a period:
 * nothing about the person. The customer's name shown beside it on the to-do list comes from
 * the customer file, which erasure rewrites.
 */
export const RENEWABLE_PERSONAL_FIELDS = {
  RenewableRegistered: NO_PERSONAL_DATA,
  RenewableRenewed: NO_PERSONAL_DATA,
  RenewableLapsed: NO_PERSONAL_DATA,
} satisfies PersonalDataMap<RenewableEvent>;
