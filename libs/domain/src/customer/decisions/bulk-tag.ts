/** Events carry `bulkOperationId` only when a bulk update wrote them; otherwise the key is absent. */
export const bulkTag = (bulkOperationId: string | undefined): { bulkOperationId?: string } =>
  bulkOperationId === undefined ? {} : { bulkOperationId };
