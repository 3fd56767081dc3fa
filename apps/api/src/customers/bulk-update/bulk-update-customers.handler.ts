import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  BulkCustomerChanges,
  customerDecider,
  customerStream,
  decideBulkUpdate,
} from '@app/domain';
import { EVENT_STORE, EventStore, RecordedEvent } from '@app/event-store';
import { v4 as uuid } from 'uuid';
import { CommandContext } from '@app/application';
import { CommandOutcome } from '@app/application';
import { toNewEvent, toNumber } from '@app/application';
import { foldState } from '@app/application';

export class BulkUpdateCustomers {
  constructor(
    readonly customerIds: string[],
    readonly changes: BulkCustomerChanges,
    readonly context: CommandContext,
  ) {}
}

export interface BulkUpdateResult {
  bulkOperationId: string;
  /** How many customers changed (those that already had the values are left alone). */
  updated: number;
  /** Highest log position written: send it as X-Min-Position. */
  position: number | null;
  customers: CommandOutcome[];
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
    const loaded = await Promise.all(
      [...new Set(customerIds)].map(async (id) => {
        const events = await this.store.readStream(customerStream(id));
        const state = foldState(events, customerDecider);
        return { id, state, last: events[events.length - 1] as RecordedEvent | undefined };
      }),
    );
    const decisions = decideBulkUpdate(
      loaded.map(({ id, state }) => ({ id, state })),
      changes,
      bulkOperationId,
      { at: context.at },
    );
    const bulkContext = {
      ...context,
      correlationId: bulkOperationId,
      causationId: context.correlationId,
    };
    const customers: CommandOutcome[] = [];
    for (const decision of decisions.filter((d) => d.events.length > 0)) {
      const last = loaded.find((target) => target.id === decision.customerId)!.last!;
      const result = await this.store.append(
        customerStream(decision.customerId),
        decision.events.map((event) => toNewEvent(event, bulkContext)),
        { expectedRevision: last.revision },
      );
      customers.push({
        id: decision.customerId,
        version: Number(result.nextRevision) + 1,
        position: toNumber(result.position),
      });
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
