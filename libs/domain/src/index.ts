export * from './shared';
export * from './values';
export * from './customer';
