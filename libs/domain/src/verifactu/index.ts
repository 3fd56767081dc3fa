export * from './aeat-qr';
export * from './verifactu.events';
export * from './verifactu.personal-data';
export * from './huella';
export * from './generated-at';
export * from './chain-verification';
export * from './chain-event';
export * from './registration-content';
