import { Injectable } from '@nestjs/common';
import {
  BulkCustomerChanges,
  BulkCustomerOutcome,
  bulkOperationNotFound,
  BulkOperationReverted,
  customerStream,
  outcomeCounts,
} from '@app/domain';
import { Inject } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { BulkOperationRunner } from './bulk-operation-runner';

export interface FieldChangeView {
  field: string;
  before: unknown;
  after: unknown;
}

export interface BulkOperationView {
  bulkOperationId: string;
  status: 'running' | 'completed';
  /** Customers targeted, and how many are done: the job's progress. */
  total: number;
  done: number;
  changed: number;
  unchanged: number;
  refused: number;
  changes: BulkCustomerChanges;
  /** The list's filters it was started with; null when it named customers by id. */
  filter: Record<string, unknown> | null;
  startedAt: string;
  completedAt: string | null;
  page: number;
  pageSize: number;
  /** One page of the customers done, in order: what the operation changed on each. */
  customers: (BulkCustomerOutcome & { changes: FieldChangeView[] })[];
  revert: {
    revertOperationId: string;
    status: 'reverting' | 'reverted';
    restored: BulkOperationReverted['data']['restored'];
    conflicts: BulkOperationReverted['data']['conflicts'];
  } | null;
}

/** `GET /bulk-operations/:id`: read from the operation's stream and its customers' streams. */
@Injectable()
export class BulkOperationQuery {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: BulkOperationRunner,
  ) {}

  async find(bulkOperationId: string, page = 1, pageSize = 100): Promise<BulkOperationView> {
    const { state } = await this.runner.load(bulkOperationId);
    if (state.status === 'none') throw bulkOperationNotFound(bulkOperationId);
    const shown = state.outcomes.slice((page - 1) * pageSize, page * pageSize);
    const customers = await Promise.all(
      shown.map(async (outcome) => ({
        ...outcome,
        changes:
          outcome.outcome === 'changed'
            ? await this.changesOn(outcome.customerId, bulkOperationId)
            : [],
      })),
    );
    const revert = state.revert;
    return {
      bulkOperationId,
      status: state.status,
      total: state.customerIds.length,
      done: state.outcomes.length,
      ...outcomeCounts(state.outcomes),
      changes: state.changes,
      filter: state.filter,
      startedAt: state.startedAt,
      completedAt: state.completedAt,
      page,
      pageSize,
      customers,
      revert:
        revert === null
          ? null
          : {
              revertOperationId: revert.revertOperationId,
              status: revert.result === null ? 'reverting' : 'reverted',
              restored: revert.result?.restored ?? [],
              conflicts: revert.result?.conflicts ?? [],
            },
    };
  }

  /** The field changes the operation's events record on one customer. */
  private async changesOn(customerId: string, bulkOperationId: string) {
    const events = await this.store.readStream(customerStream(customerId));
    return events
      .filter(
        (event) => (event.data as { bulkOperationId?: string }).bulkOperationId === bulkOperationId,
      )
      .flatMap((event) => (event.data as { changes?: FieldChangeView[] }).changes ?? []);
  }
}
