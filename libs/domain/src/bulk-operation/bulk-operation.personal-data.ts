import { NO_PERSONAL_DATA, PersonalDataMap } from '../shared/personal-data';
import { BulkOperationEvent } from './bulk-operation.events';

/**
 * A bulk operation's stream names customers by id and records what the operator asked to set
 * on all of them (zone, seller, collector, an observation, billing flags, day, series, VAT):
 * the operator's own data, not one customer's. The fields that identify one customer (IBAN, tax
 * id, e-mails to notify) cannot be set in bulk; conflicts keep field names, not values.
 */
export const BULK_OPERATION_PERSONAL_FIELDS = {
  BulkOperationStarted: NO_PERSONAL_DATA,
  BulkOperationProgressed: NO_PERSONAL_DATA,
  BulkOperationCompleted: NO_PERSONAL_DATA,
  BulkOperationRevertRequested: NO_PERSONAL_DATA,
  BulkOperationReverted: NO_PERSONAL_DATA,
} satisfies PersonalDataMap<BulkOperationEvent>;
