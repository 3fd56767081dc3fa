/** The one place that names a bulk operation's stream (rule 14). */
export const BULK_OPERATION_STREAM_PREFIX = 'bulk-operation-';

export const bulkOperationStream = (bulkOperationId: string): string =>
  BULK_OPERATION_STREAM_PREFIX + bulkOperationId;
