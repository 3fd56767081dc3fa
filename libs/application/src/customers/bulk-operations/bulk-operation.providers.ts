import { BulkOperationQuery } from './bulk-operation.query';
import { BulkOperationRunner } from './bulk-operation-runner';
import {
  BULK_OPERATION_SETTINGS,
  DEFAULT_BULK_OPERATION_SETTINGS,
} from './bulk-operation-settings';
import { BulkOperationsScheduler } from './bulk-operations.scheduler';
import { BulkUpdateCustomersHandler } from './bulk-update-customers.handler';
import { RevertBulkOperationHandler } from './revert-bulk-operation.handler';

/** Rules 14 and 27: the bulk update, its background job, its view and its revert. */
export const bulkOperationProviders = [
  { provide: BULK_OPERATION_SETTINGS, useValue: DEFAULT_BULK_OPERATION_SETTINGS },
  BulkOperationRunner,
  BulkOperationsScheduler,
  BulkOperationQuery,
  BulkUpdateCustomersHandler,
  RevertBulkOperationHandler,
];
