import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  CustomerCommand,
  customerDecider,
  CustomerEvent,
  CustomerState,
  customerStream,
} from '@app/domain';
import { CommandContext } from '../infrastructure/commands/command-context';
import { AggregateCommands } from '../infrastructure/commands/execute-aggregate-command';
import { CustomerUniqueValues, UniqueValue, uniqueValueChanges } from './customer-unique-values';

/**
 * Runs customer commands (load → decide → append on `customer-<id>`), plus rules R2/R3 across
 * customers: the e-mail and document the new events give the customer are claimed before the
 * append (and released if it fails); those they take away are released after it.
 */
@Injectable()
export class CustomerCommands extends AggregateCommands<
  CustomerCommand,
  CustomerEvent,
  CustomerState
> {
  constructor(bus: CommandBus, uniqueValues: CustomerUniqueValues) {
    super(bus, {
      decider: customerDecider,
      stream: customerStream,
      idField: 'customerId',
      hooks: (customerId: string, context: CommandContext) => {
        let claimed: UniqueValue[] = [];
        const changes = (events: CustomerEvent[], state: CustomerState) =>
          uniqueValueChanges(state, events.reduce(customerDecider.evolve, state));
        return {
          beforeAppend: async (events, state) => {
            claimed = await uniqueValues.claim(
              changes(events, state).claims,
              customerId,
              context.actor,
            );
          },
          onAppendFailed: () => uniqueValues.release(claimed, customerId, context.actor),
          afterAppend: (events, state) =>
            uniqueValues.release(changes(events, state).releases, customerId, context.actor),
        };
      },
    });
  }
}
