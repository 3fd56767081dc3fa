export * from './invoice-document.model';
export * from './vat-breakdown';
