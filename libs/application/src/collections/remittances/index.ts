export * from './remittance.commands';
export * from './remittance.process';
export * from './issuer-creditor';
export * from './remittance-file';
