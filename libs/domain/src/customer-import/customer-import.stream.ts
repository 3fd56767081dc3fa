/** The one place that names a customer import's stream. */
export const CUSTOMER_IMPORT_STREAM_PREFIX = 'customer-import-';

export const customerImportStream = (importId: string): string =>
  CUSTOMER_IMPORT_STREAM_PREFIX + importId;
