import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  BulkOperationEvent,
  bulkOperationNotFound,
  BulkOperationReverted,
  bulkOperationStillRunning,
  bulkOperationStream,
  BulkRevertConflict,
  currentBulkFieldValue,
  customerDecider,
  CustomerEvent,
  customerStream,
  decideCustomerRevert,
} from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { v4 as uuid } from 'uuid';
import { CommandContext } from '../../commands/command-context';
import { decideAndAppend, toNewEvent } from '../../commands/decide-and-append';
import { foldState } from '../../commands/load-state';
import { BulkOperationRunner } from './bulk-operation-runner';

export class RevertBulkOperation extends Command<BulkRevertResult> {
  constructor(
    readonly bulkOperationId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export interface BulkRevertResult {
  bulkOperationId: string;
  /** Carried by every compensating event (the history tab shows it). */
  revertOperationId: string;
  restored: { customerId: string; fields: string[] }[];
  /** Fields left as they are: changed since, or refused now; with the value they have now. */
  conflicts: ({ customerId: string } & BulkRevertConflict)[];
  /** Highest log position written: send it as X-Min-Position. */
  position: number | null;
}

/**
 * Rule 27: each customer the operation changed gets compensating events restoring each field's
 * previous value, unless the field was changed since (a conflict, reported with its current
 * value). The revert is recorded on the operation's stream first (its id fixed), so a revert
 * interrupted resumes under the same id and skips the customers it restored; once recorded as
 * reverted, reverting again writes nothing and answers the same outcome.
 */
@CommandHandler(RevertBulkOperation)
export class RevertBulkOperationHandler implements ICommandHandler<
  RevertBulkOperation,
  BulkRevertResult
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: BulkOperationRunner,
  ) {}

  async execute({ bulkOperationId, context }: RevertBulkOperation): Promise<BulkRevertResult> {
    const loaded = await this.runner.load(bulkOperationId);
    const { state } = loaded;
    if (state.status === 'none') throw bulkOperationNotFound(bulkOperationId);
    if (state.status === 'running')
      throw bulkOperationStillRunning(
        bulkOperationId,
        state.outcomes.length,
        state.customerIds.length,
      );
    const stream = bulkOperationStream(bulkOperationId);
    const revertContext = { ...context, correlationId: bulkOperationId };
    if (state.revert?.result) {
      const now = await this.currentValues(state.revert.result);
      return { ...this.answerOf(state.revert.result, now), position: null };
    }
    let revertOperationId = state.revert?.revertOperationId;
    let revision = loaded.revision;
    if (revertOperationId === undefined) {
      revertOperationId = uuid();
      const requested: BulkOperationEvent = {
        type: 'BulkOperationRevertRequested',
        data: { bulkOperationId, revertOperationId, requestedAt: context.at },
      };
      const result = await this.store.append(stream, [toNewEvent(requested, revertContext)], {
        expectedRevision: revision,
      });
      revision = result.nextRevision;
    }
    const restored: BulkRevertResult['restored'] = [];
    const conflicts: BulkRevertResult['conflicts'] = [];
    let position: number | null = null;
    const changed = state.outcomes.filter((outcome) => outcome.outcome === 'changed');
    for (const { customerId } of changed) {
      const recorded = await this.store.readStream(customerStream(customerId));
      const decision = decideCustomerRevert(
        recorded as unknown as CustomerEvent[],
        bulkOperationId,
        revertOperationId,
        { at: context.at },
      );
      if (decision.events.length > 0) {
        // Appended at the revision decided on: a writer in between is a 409, and the revert,
        // asked again, resumes under the same id.
        const written = await decideAndAppend(this.store, {
          aggregateId: customerId,
          stream: customerStream(customerId),
          decider: { ...customerDecider, decide: () => decision.events },
          command: revertOperationId,
          context: { ...context, correlationId: revertOperationId },
          expectedVersion: recorded.length,
          retry: { attempts: 1 },
        });
        position = Math.max(position ?? 0, written.position ?? 0);
      }
      if (decision.restored.length > 0) restored.push({ customerId, fields: decision.restored });
      for (const conflict of decision.conflicts) conflicts.push({ customerId, ...conflict });
    }
    const reverted: BulkOperationEvent = {
      type: 'BulkOperationReverted',
      data: {
        bulkOperationId,
        revertOperationId,
        restored,
        conflicts: conflicts.map(({ customerId, field, reason }) => ({
          customerId,
          field,
          reason,
        })),
        revertedAt: context.at,
      },
    };
    const result = await this.store.append(stream, [toNewEvent(reverted, revertContext)], {
      expectedRevision: revision,
    });
    position = Math.max(position ?? 0, Number(result.position));
    return { ...this.answerOf(reverted.data, conflicts), position };
  }

  /** The conflicts of a revert recorded earlier, with the values their customers have now. */
  private async currentValues(
    data: BulkOperationReverted['data'],
  ): Promise<BulkRevertResult['conflicts']> {
    return Promise.all(
      data.conflicts.map(async (conflict) => {
        const recorded = await this.store.readStream(customerStream(conflict.customerId));
        const state = foldState(recorded, customerDecider);
        return { ...conflict, current: currentBulkFieldValue(state, conflict.field) };
      }),
    );
  }

  private answerOf(
    data: BulkOperationReverted['data'],
    withValues: BulkRevertResult['conflicts'],
  ): Omit<BulkRevertResult, 'position'> {
    const valueOf = (customerId: string, field: string) =>
      withValues.find((c) => c.customerId === customerId && c.field === field)?.current ?? null;
    return {
      bulkOperationId: data.bulkOperationId,
      revertOperationId: data.revertOperationId,
      restored: data.restored,
      conflicts: data.conflicts.map((conflict) => ({
        ...conflict,
        current: valueOf(conflict.customerId, conflict.field),
      })),
    };
  }
}
