export * from './bulk-operation.errors';
export * from './bulk-operation.events';
export * from './bulk-operation.personal-data';
export * from './bulk-operation.revert';
export * from './bulk-operation.state';
export * from './bulk-operation.stream';
