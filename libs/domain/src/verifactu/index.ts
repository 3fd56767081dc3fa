export * from './verifactu.events';
export * from './verifactu.personal-data';
export * from './submission';
