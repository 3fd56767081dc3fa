/** The one place that names a customer's files stream (attachments and image). */
export const CUSTOMER_FILES_STREAM_PREFIX = 'customer-files-';

export const customerFilesStream = (customerId: string): string =>
  CUSTOMER_FILES_STREAM_PREFIX + customerId;
