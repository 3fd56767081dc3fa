import { DomainEvent } from '../shared/decider';
import { RefusalReason } from '../shared/domain-error';
import { BulkCustomerChanges } from '../customer/customer.bulk-update';

/** What one customer's part of a bulk operation came to. */
export type BulkCustomerOutcome =
  | { customerId: string; outcome: 'changed' }
  /** It already had the values: nothing written. */
  | { customerId: string; outcome: 'unchanged' }
  /** A rule refused it (deleted, a value it cannot take): reported, the others proceed. */
  | { customerId: string; outcome: 'refused'; reasons: RefusalReason[] };

/**
 * Rule 14: the target list resolved once, at the start (from ids or the list's filters), so a
 * restart processes the same customers. `filter` is what the operator searched with, if any.
 */
export type BulkOperationStarted = DomainEvent<
  'BulkOperationStarted',
  {
    bulkOperationId: string;
    customerIds: string[];
    changes: BulkCustomerChanges;
    filter: Record<string, unknown> | null;
    startedAt: string;
  }
>;

/** The next customers of the target list, in order, processed: progress is their count. */
export type BulkOperationProgressed = DomainEvent<
  'BulkOperationProgressed',
  { bulkOperationId: string; outcomes: BulkCustomerOutcome[] }
>;

export type BulkOperationCompleted = DomainEvent<
  'BulkOperationCompleted',
  {
    bulkOperationId: string;
    changed: number;
    unchanged: number;
    refused: number;
    completedAt: string;
  }
>;

/** Rule 27: a revert begun; its compensating events carry `revertOperationId`. */
export type BulkOperationRevertRequested = DomainEvent<
  'BulkOperationRevertRequested',
  { bulkOperationId: string; revertOperationId: string; requestedAt: string }
>;

/** Rule 27: each changed customer restored (the fields), or the fields in conflict. */
export type BulkOperationReverted = DomainEvent<
  'BulkOperationReverted',
  {
    bulkOperationId: string;
    revertOperationId: string;
    restored: { customerId: string; fields: string[] }[];
    conflicts: { customerId: string; field: string; reason: BulkRevertConflictReason }[];
    revertedAt: string;
  }
>;

/** Why a field was not restored. */
export type BulkRevertConflictReason =
  /** Another event changed the field after the operation. */
  | 'changed-since'
  /** The customer was deleted or erased, or refuses the previous value now. */
  | 'refused';

export type BulkOperationEvent =
  | BulkOperationStarted
  | BulkOperationProgressed
  | BulkOperationCompleted
  | BulkOperationRevertRequested
  | BulkOperationReverted;

export type BulkOperationEventType = BulkOperationEvent['type'];

const BULK_OPERATION_EVENT_TYPE_SET: Record<BulkOperationEventType, true> = {
  BulkOperationStarted: true,
  BulkOperationProgressed: true,
  BulkOperationCompleted: true,
  BulkOperationRevertRequested: true,
  BulkOperationReverted: true,
};

export const BULK_OPERATION_EVENT_TYPES = Object.keys(
  BULK_OPERATION_EVENT_TYPE_SET,
) as BulkOperationEventType[];
