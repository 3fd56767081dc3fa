import { Inject, Injectable } from '@nestjs/common';
import {
  CustomerCommand,
  customerDecider,
  CustomerEvent,
  CustomerState,
  customerStream,
} from '@app/domain';
import { EVENT_STORE, EventStore, StreamAppend } from '@app/event-store';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';
import { decideAndAppend, metadataOf } from '../commands/decide-and-append';
import { CustomerUniqueValues, uniqueValueChanges } from './customer-unique-values';

/**
 * A customer command through the one write path (load → decide → append on `customer-<id>`),
 * plus rules R2/R3 across customers: once decided, the e-mail and document the new events give
 * the customer are checked free (reading only) and claimed, and those they take away released,
 * in the same append as the customer's events (one transaction on the SQL stores).
 */
@Injectable()
export class CustomerWrites {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly uniqueValues: CustomerUniqueValues,
  ) {}

  async decide(
    customerId: string,
    command: CustomerCommand | ((state: CustomerState) => Promise<CustomerCommand>),
    context: CommandContext,
    /** Other streams' appends that go with the customer's first (rule 28's new catalog entries). */
    also?: () => Promise<StreamAppend[]>,
  ): Promise<CommandOutcome> {
    const metadata = metadataOf(context);
    const changes = (events: CustomerEvent[], state: CustomerState) =>
      uniqueValueChanges(state, events.reduce(customerDecider.evolve, state));
    const { id, version, position } = await decideAndAppend(this.store, {
      aggregateId: customerId,
      stream: customerStream(customerId),
      decider: customerDecider,
      command,
      context,
      alongside: async (events, state) => {
        const { claims, releases } = changes(events, state);
        return {
          before: [
            ...((await also?.()) ?? []),
            ...(await this.uniqueValues.claimsFor(claims, customerId, metadata)),
          ],
          after: await this.uniqueValues.releasesFor(releases, customerId, metadata),
        };
      },
      onAppendFailed: (events, state) =>
        this.uniqueValues.release(changes(events, state).claims, customerId, metadata),
    });
    return { id, version, position };
  }
}
