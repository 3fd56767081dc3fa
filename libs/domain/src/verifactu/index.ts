export * from './verifactu.records';
