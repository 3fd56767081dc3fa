export * from './shared';
export * from './values';
export * from './customer';
export * from './contract';
export * from './subscription';
export * from './billing';
export * from './invoice';
export * from './personal-data';
