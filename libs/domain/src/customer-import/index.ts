export * from './customer-import.csv';
export * from './customer-import.events';
export * from './customer-import.personal-data';
export * from './customer-import.rows';
export * from './customer-import.state';
export * from './customer-import.stream';
