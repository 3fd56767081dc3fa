import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  CustomerCommand,
  customerDecider,
  CustomerEvent,
  CustomerState,
  customerStream,
} from '@app/domain';
import { CommandContext } from '@app/application';
import { metadataOf } from '@app/application';
import { AggregateCommands } from '@app/application';
import { CustomerUniqueValues, uniqueValueChanges } from './customer-unique-values';

/**
 * Runs customer commands (load → decide → append on `customer-<id>`), plus rules R2/R3 across
 * customers: once decided, the e-mail and document the new events give the customer are
 * checked free (reading only) and claimed, and those they take away released, in the same
 * append as the customer's events (one transaction on the SQL stores).
 */
@Injectable()
export class CustomerCommands extends AggregateCommands<
  CustomerCommand,
  CustomerEvent,
  CustomerState,
  'customerId'
> {
  constructor(bus: CommandBus, uniqueValues: CustomerUniqueValues) {
    super(bus, {
      decider: customerDecider,
      stream: customerStream,
      idField: 'customerId',
      hooks: (customerId: string, context: CommandContext) => {
        const changes = (events: CustomerEvent[], state: CustomerState) =>
          uniqueValueChanges(state, events.reduce(customerDecider.evolve, state));
        return {
          alongside: async (events, state) => {
            const { claims, releases } = changes(events, state);
            return {
              before: await uniqueValues.claimsFor(claims, customerId, metadataOf(context)),
              after: await uniqueValues.releasesFor(releases, customerId, metadataOf(context)),
            };
          },
          onAppendFailed: (events, state) =>
            uniqueValues.release(changes(events, state).claims, customerId, metadataOf(context)),
        };
      },
    });
  }
}
