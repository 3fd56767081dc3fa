import { ERASED } from '../customer/customer.erasure';
import { NO_PERSONAL_DATA, PersonalDataMap } from '../shared/personal-data';
import { EstimateEvent } from './estimate.events';

/**
 * An estimate's free text may quote the customer (a free line "Installation at Calle Luna 3",
 * the notes, a rejection's reason): sealed under the customer's key, read as `[erased]` once
 * the customer is erased. Catalog lines' descriptions are the catalog's names, sealed all the
 * same (the lines are one array). Kept in clear: ids, amounts, dates, states.
 */
export const ESTIMATE_PERSONAL_FIELDS = {
  EstimateCreated: { paths: { lines: [], notes: ERASED } },
  EstimateAccepted: NO_PERSONAL_DATA,
  EstimateRejected: { paths: { reason: ERASED } },
  EstimateFulfilled: NO_PERSONAL_DATA,
} satisfies PersonalDataMap<EstimateEvent>;
