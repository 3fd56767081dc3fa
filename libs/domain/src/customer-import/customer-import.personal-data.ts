import { NO_PERSONAL_DATA, PersonalDataMap } from '../shared/personal-data';
import { CustomerImportEvent } from './customer-import.events';

/**
 * An import's stream holds row numbers, customer ids and reasons that name columns and rules,
 * never a cell's value: the file itself (names, e-mails, IBANs) is kept apart, in the
 * database, only until the import completes.
 */
export const CUSTOMER_IMPORT_PERSONAL_FIELDS = {
  CustomerImportStarted: NO_PERSONAL_DATA,
  CustomerImportProgressed: NO_PERSONAL_DATA,
  CustomerImportCompleted: NO_PERSONAL_DATA,
} satisfies PersonalDataMap<CustomerImportEvent>;
