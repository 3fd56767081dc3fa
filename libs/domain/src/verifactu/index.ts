export * from './aeat-qr';
export * from './verifactu.events';
export * from './verifactu.personal-data';
