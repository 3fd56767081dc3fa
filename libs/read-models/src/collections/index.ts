export * from './dunning.history-entries';
export * from './dunning.queries';
