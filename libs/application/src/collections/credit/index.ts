export * from './available-credit';
