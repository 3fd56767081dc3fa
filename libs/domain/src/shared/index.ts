export * from './domain-error';
export * from './decider';
export * from './rule-codes';
export * from './validated';
export * from './field-changes';
export * from './personal-data';
export * from './money';
export * from './fold-text';
