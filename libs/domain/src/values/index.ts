export * from './iban';
export * from './spanish-document';
export * from './email';
export * from './money';
