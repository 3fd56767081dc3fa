import { BulkCustomerChanges } from '../customer/customer.bulk-update';
import {
  BulkCustomerOutcome,
  BulkOperationEvent,
  BulkOperationReverted,
} from './bulk-operation.events';

/** A bulk operation as its stream tells it: its targets, how far it got, its revert. */
export type BulkOperationState =
  | { status: 'none' }
  | {
      status: 'running' | 'completed';
      bulkOperationId: string;
      customerIds: string[];
      changes: BulkCustomerChanges;
      filter: Record<string, unknown> | null;
      startedAt: string;
      completedAt: string | null;
      /** In the order of `customerIds`: the first `outcomes.length` are done. */
      outcomes: BulkCustomerOutcome[];
      /** Rule 27: the revert under way (requested, not yet reverted) or done. */
      revert: {
        revertOperationId: string;
        requestedAt: string;
        result: BulkOperationReverted['data'] | null;
      } | null;
    };

export const initialBulkOperationState: BulkOperationState = { status: 'none' };

export function evolveBulkOperation(
  state: BulkOperationState,
  event: BulkOperationEvent,
): BulkOperationState {
  switch (event.type) {
    case 'BulkOperationStarted': {
      const { bulkOperationId, customerIds, changes, filter, startedAt } = event.data;
      return {
        status: 'running',
        bulkOperationId,
        customerIds,
        changes,
        filter,
        startedAt,
        completedAt: null,
        outcomes: [],
        revert: null,
      };
    }
    case 'BulkOperationProgressed':
      if (state.status === 'none') return state;
      return { ...state, outcomes: [...state.outcomes, ...event.data.outcomes] };
    case 'BulkOperationCompleted':
      if (state.status === 'none') return state;
      return { ...state, status: 'completed', completedAt: event.data.completedAt };
    case 'BulkOperationRevertRequested':
      if (state.status === 'none') return state;
      return {
        ...state,
        revert: {
          revertOperationId: event.data.revertOperationId,
          requestedAt: event.data.requestedAt,
          result: null,
        },
      };
    case 'BulkOperationReverted':
      if (state.status === 'none' || state.revert === null) return state;
      return { ...state, revert: { ...state.revert, result: event.data } };
  }
}

/** The customers still to process, in order: the list after those already done. */
export function pendingCustomers(state: BulkOperationState): string[] {
  if (state.status !== 'running') return [];
  return state.customerIds.slice(state.outcomes.length);
}

export function outcomeCounts(outcomes: readonly BulkCustomerOutcome[]) {
  const count = (kind: BulkCustomerOutcome['outcome']) =>
    outcomes.filter((outcome) => outcome.outcome === kind).length;
  return { changed: count('changed'), unchanged: count('unchanged'), refused: count('refused') };
}
