export * from './dunning.history-entries';
export * from './dunning.queries';
export * from './collections.queries';
