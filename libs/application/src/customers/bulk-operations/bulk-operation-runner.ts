import { Inject, Injectable } from '@nestjs/common';
import {
  BulkCustomerChanges,
  BulkCustomerOutcome,
  BulkOperationEvent,
  BulkOperationState,
  bulkOperationStream,
  CustomerState,
  customerStream,
  decideBulkUpdate,
  DomainError,
  evolveBulkOperation,
  initialBulkOperationState,
  outcomeCounts,
  pendingCustomers,
} from '@app/domain';
import {
  EVENT_STORE,
  EventStore,
  RecordedEvent,
  WrongExpectedRevisionError,
} from '@app/event-store';
import { CommandContext } from '../../commands/command-context';
import { decideAndAppend, toNewEvent } from '../../commands/decide-and-append';
import { customerDecider } from '@app/domain';
import { BULK_OPERATION_SETTINGS, BulkOperationSettings } from './bulk-operation-settings';

/** Lost races in a row (another process on the same chunk) before `advance` gives up. */
const MAX_LOST_RACES = 20;

/** A bulk operation's stream, folded, with the revision it was read at and who started it. */
export interface LoadedBulkOperation {
  state: BulkOperationState;
  revision: bigint | 'no_stream';
  /** The context its customers' events are written under: the starter's, correlated to it. */
  context: CommandContext | null;
}

const taggedWith = (events: readonly RecordedEvent[], bulkOperationId: string) =>
  events.some(
    (event) => (event.data as { bulkOperationId?: string }).bulkOperationId === bulkOperationId,
  );

/**
 * Rule 14 as a job: the targets fixed in `BulkOperationStarted`, then each customer in order,
 * chunk by chunk, each chunk's outcomes recorded as `BulkOperationProgressed`. A customer whose
 * stream already holds an event of the operation is not written again (a chunk cut short by a
 * crash), and each append expects the revision the customer was read at: never twice.
 */
@Injectable()
export class BulkOperationRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(BULK_OPERATION_SETTINGS) private readonly settings: BulkOperationSettings,
  ) {}

  async load(bulkOperationId: string): Promise<LoadedBulkOperation> {
    const recorded = await this.store.readStream(bulkOperationStream(bulkOperationId));
    const state = (recorded as unknown as BulkOperationEvent[]).reduce(
      evolveBulkOperation,
      initialBulkOperationState,
    );
    const first = recorded[0];
    const context: CommandContext | null = first
      ? {
          actor: first.metadata.actor,
          via: String(first.metadata.via ?? first.metadata.actor),
          correlationId: bulkOperationId,
          causationId: first.metadata.causationId,
          at: new Date().toISOString(),
        }
      : null;
    const last = recorded[recorded.length - 1];
    return { state, revision: last ? last.revision : 'no_stream', context };
  }

  async start(
    bulkOperationId: string,
    targets: { customerIds: string[]; changes: BulkCustomerChanges; filter: object | null },
    context: CommandContext,
  ): Promise<void> {
    const started: BulkOperationEvent = {
      type: 'BulkOperationStarted',
      data: {
        bulkOperationId,
        customerIds: [...new Set(targets.customerIds)],
        changes: targets.changes,
        filter: (targets.filter as Record<string, unknown> | null) ?? null,
        startedAt: context.at,
      },
    };
    await this.store.append(bulkOperationStream(bulkOperationId), [toNewEvent(started, context)], {
      expectedRevision: 'no_stream',
    });
    // Known here at once: the log's readers may see the event only once older writes commit.
    this.open.add(bulkOperationId);
  }

  /**
   * Processes what is left of the operation, chunk by chunk, and completes it. Answers the
   * highest log position written (null: none). A lost race (another writer on a customer or on
   * the operation) stops here; the next round goes on from what was recorded.
   */
  async advance(bulkOperationId: string): Promise<number | null> {
    let highest: number | null = null;
    let lostRaces = 0;
    for (;;) {
      try {
        const step = await this.advanceOneChunk(bulkOperationId);
        if (step === 'finished') return highest;
        if (step !== null) highest = Math.max(highest ?? 0, step);
        lostRaces = 0;
      } catch (error) {
        // Another process (or this one's background round) took the same chunk: read again;
        // the customers it wrote carry the operation's id and are not written twice.
        if (!(error instanceof WrongExpectedRevisionError) || ++lostRaces > MAX_LOST_RACES)
          throw error;
      }
    }
  }

  /** One chunk applied and recorded: the highest position written, or `finished`. */
  private async advanceOneChunk(bulkOperationId: string): Promise<number | null | 'finished'> {
    let highest: number | null = null;
    const { state, revision, context } = await this.load(bulkOperationId);
    if (state.status !== 'running' || context === null) {
      this.open.delete(bulkOperationId);
      return 'finished';
    }
    const chunk = pendingCustomers(state).slice(0, this.settings.chunkSize);
    const outcomes: BulkCustomerOutcome[] = [];
    for (const customerId of chunk) {
      const { outcome, position } = await this.applyTo(customerId, state, context);
      outcomes.push(outcome);
      if (position !== null) highest = Math.max(highest ?? 0, position);
    }
    const done = [...state.outcomes, ...outcomes];
    const events: BulkOperationEvent[] = [];
    if (outcomes.length > 0)
      events.push({ type: 'BulkOperationProgressed', data: { bulkOperationId, outcomes } });
    if (done.length === state.customerIds.length)
      events.push({
        type: 'BulkOperationCompleted',
        data: { bulkOperationId, ...outcomeCounts(done), completedAt: new Date().toISOString() },
      });
    const result = await this.store.append(
      bulkOperationStream(bulkOperationId),
      events.map((event) => toNewEvent(event, context)),
      { expectedRevision: revision },
    );
    return Math.max(highest ?? 0, Number(result.position));
  }

  private async applyTo(
    customerId: string,
    operation: Exclude<BulkOperationState, { status: 'none' }>,
    context: CommandContext,
  ): Promise<{ outcome: BulkCustomerOutcome; position: number | null }> {
    const { bulkOperationId, changes } = operation;
    const recorded = await this.store.readStream(customerStream(customerId));
    if (taggedWith(recorded, bulkOperationId))
      return { outcome: { customerId, outcome: 'changed' }, position: null };
    try {
      // Appended at the revision the check above read (never decided again): a writer in
      // between makes this a lost race, and the customer is checked afresh.
      const { events, position } = await decideAndAppend(this.store, {
        aggregateId: customerId,
        stream: customerStream(customerId),
        decider: {
          initialState: customerDecider.initialState,
          evolve: customerDecider.evolve,
          decide: (bulk: BulkCustomerChanges, state: CustomerState) =>
            decideBulkUpdate([{ id: customerId, state }], bulk, bulkOperationId, {
              at: context.at,
            })[0].events,
        },
        command: changes,
        context,
        expectedVersion: recorded.length,
        retry: { attempts: 1 },
      });
      if (events.length === 0)
        return { outcome: { customerId, outcome: 'unchanged' }, position: null };
      return { outcome: { customerId, outcome: 'changed' }, position };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const reasons = (error.details ?? [{ code: error.code, message: error.message }]).map(
        ({ code, message, field }) => ({ code, message, ...(field ? { field } : {}) }),
      );
      return { outcome: { customerId, outcome: 'refused', reasons }, position: null };
    }
  }

  /** Operations started and not completed, as far as the log has been read. */
  private readonly open = new Set<string>();
  private scannedTo: bigint | undefined;

  /**
   * The operations started and not completed, oldest first: what a restart resumes. The first
   * call reads the log's bulk operation events from its start; later ones only what came since.
   */
  async unfinished(): Promise<string[]> {
    for (;;) {
      const page = await this.store.readAll({
        fromPosition: this.scannedTo,
        limit: 1000,
        eventTypes: ['BulkOperationStarted', 'BulkOperationCompleted'],
      });
      for (const event of page) {
        const { bulkOperationId } = event.data as { bulkOperationId: string };
        if (event.type === 'BulkOperationStarted') this.open.add(bulkOperationId);
        else this.open.delete(bulkOperationId);
        this.scannedTo = event.position;
      }
      if (page.length < 1000) return [...this.open];
    }
  }
}
