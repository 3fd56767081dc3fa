import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  BulkCustomerChanges,
  customerDecider,
  CustomerState,
  customerStream,
  decideBulkUpdate,
} from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { v4 as uuid } from 'uuid';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';
import { decideAndAppend } from '../commands/decide-and-append';
import { foldState } from '../commands/load-state';

export class BulkUpdateCustomers extends Command<BulkUpdateResult> {
  constructor(
    readonly customerIds: string[],
    readonly changes: BulkCustomerChanges,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export interface BulkUpdateResult {
  bulkOperationId: string;
  /** How many customers changed (those that already had the values are left alone). */
  updated: number;
  /** Highest log position written: send it as X-Min-Position. */
  position: number | null;
  customers: CommandOutcome[];
}

/** The customer decider, deciding one customer's part of a bulk operation (R14). */
function bulkDeciderFor(customerId: string, bulkOperationId: string, meta: { at: string }) {
  return {
    initialState: customerDecider.initialState,
    evolve: customerDecider.evolve,
    decide: (changes: BulkCustomerChanges, state: CustomerState) =>
      decideBulkUpdate([{ id: customerId, state }], changes, bulkOperationId, meta)[0].events,
  };
}

/**
 * Rule R14 ("Actualización masiva"): every target is decided first, and if any would break a
 * rule the whole operation is refused before anything is written. Then each customer gets its
 * own events, all carrying the operation's id, appended at the revision they were decided on.
 */
@CommandHandler(BulkUpdateCustomers)
export class BulkUpdateCustomersHandler implements ICommandHandler<
  BulkUpdateCustomers,
  BulkUpdateResult
> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ customerIds, changes, context }: BulkUpdateCustomers): Promise<BulkUpdateResult> {
    const bulkOperationId = uuid();
    const meta = { at: context.at };
    const loaded = await Promise.all(
      [...new Set(customerIds)].map(async (id) => {
        const events = await this.store.readStream(customerStream(id));
        return { id, state: foldState(events, customerDecider), version: events.length };
      }),
    );
    // All or none: refused here, before anything is written, if any target breaks a rule.
    const decisions = decideBulkUpdate(loaded, changes, bulkOperationId, meta);
    const bulkContext = {
      ...context,
      correlationId: bulkOperationId,
      causationId: context.correlationId,
    };
    const customers: CommandOutcome[] = [];
    for (const { customerId } of decisions.filter((d) => d.events.length > 0)) {
      // Each customer is appended at the version it was decided on, never retried: the whole
      // operation was validated against those versions.
      const { id, version, position } = await decideAndAppend(this.store, {
        aggregateId: customerId,
        stream: customerStream(customerId),
        decider: bulkDeciderFor(customerId, bulkOperationId, meta),
        command: changes,
        context: bulkContext,
        expectedVersion: loaded.find((target) => target.id === customerId)!.version,
        retry: { attempts: 1 },
      });
      customers.push({ id, version, position });
    }
    const positions = customers.map((c) => c.position ?? 0);
    return {
      bulkOperationId,
      updated: customers.length,
      position: positions.length > 0 ? Math.max(...positions) : null,
      customers,
    };
  }
}
