import { DomainError } from '../shared/domain-error';
import { RuleCode } from '../shared/rule-codes';

/** Refusals about bulk operations (rules 14 and 27). NOT_FOUND answers 404, CONFLICT 409. */
export const BulkOperationRefusal = {
  notFound: 'R14.BULK_OPERATION_NOT_FOUND',
  /** Still applying: a revert waits until it has finished. */
  stillRunningConflict: 'R27.STILL_RUNNING_CONFLICT',
  noTargets: 'R14.NO_TARGETS',
} as const;

export const bulkOperationNotFound = (bulkOperationId: string) =>
  new DomainError(
    BulkOperationRefusal.notFound,
    `Bulk operation ${bulkOperationId} does not exist; POST /customers/bulk-update starts one.`,
  );

export const bulkOperationStillRunning = (bulkOperationId: string, done: number, total: number) =>
  new DomainError(
    BulkOperationRefusal.stillRunningConflict,
    `Bulk operation ${bulkOperationId} is still running (${done} of ${total}); revert it once GET /bulk-operations/${bulkOperationId} shows it completed.`,
  );

export const bulkOperationWithoutTargets = () =>
  new DomainError(
    BulkOperationRefusal.noTargets,
    'The bulk update names no customer: send customerIds, or a filter that matches some.',
    [{ code: RuleCode.bulkUpdate, message: 'No customer to update.' }],
  );
