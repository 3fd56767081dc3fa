export * from './customer-import-files';
export * from './customer-import-settings';
export * from './customer-import.runner';
export * from './customer-import.scheduler';
export * from './customer-import.providers';
export * from './import-customers.handler';
