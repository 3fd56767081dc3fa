import { CustomerImportFiles } from './customer-import-files';
import {
  CUSTOMER_IMPORT_SETTINGS,
  DEFAULT_CUSTOMER_IMPORT_SETTINGS,
} from './customer-import-settings';
import { CustomerImportRunner } from './customer-import.runner';
import { CustomerImportScheduler } from './customer-import.scheduler';
import { CustomerImportQuery, ImportCustomersHandler } from './import-customers.handler';

/** Issue 21 item 7: the import, its background job and its view. */
export const customerImportProviders = [
  { provide: CUSTOMER_IMPORT_SETTINGS, useValue: DEFAULT_CUSTOMER_IMPORT_SETTINGS },
  CustomerImportFiles,
  CustomerImportRunner,
  CustomerImportScheduler,
  CustomerImportQuery,
  ImportCustomersHandler,
];
