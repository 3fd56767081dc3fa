export * from './remittance.events';
export * from './remittance.commands';
export * from './remittance.errors';
export * from './remittance.decider';
export * from './remittance.stream';
export * from './remittance.personal-data';
