import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  CustomerCommand,
  CustomerEvent,
  customerDecider,
  CustomerState,
  customerStream,
} from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CommandContext } from '../infrastructure/commands/command-context';
import { decideAndAppend, DecisionResult } from '../infrastructure/commands/decide-and-append';
import { CustomerUniqueValues, UniqueValue, uniqueValueChanges } from './customer-unique-values';

/** Any customer command, or a builder for one that needs the loaded state. */
export class ExecuteCustomerCommand {
  constructor(
    readonly customerId: string,
    readonly command:
      CustomerCommand | ((state: CustomerState) => CustomerCommand | Promise<CustomerCommand>),
    readonly context: CommandContext,
  ) {}
}

/**
 * Load → decide → append for the customer stream, plus rules R2/R3 across customers: the
 * e-mail and document the new events give the customer are claimed before the append, those
 * they take away are released after it.
 */
@CommandHandler(ExecuteCustomerCommand)
export class ExecuteCustomerCommandHandler implements ICommandHandler<
  ExecuteCustomerCommand,
  DecisionResult<CustomerEvent, CustomerState>
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly uniqueValues: CustomerUniqueValues,
  ) {}

  execute({ customerId, command, context }: ExecuteCustomerCommand) {
    let claimed: UniqueValue[] = [];
    const changes = (events: CustomerEvent[], state: CustomerState) =>
      uniqueValueChanges(state, events.reduce(customerDecider.evolve, state));
    return decideAndAppend(this.store, {
      aggregateId: customerId,
      stream: customerStream(customerId),
      decider: customerDecider,
      command,
      context,
      beforeAppend: async (events, state) => {
        claimed = await this.uniqueValues.claim(
          changes(events, state).claims,
          customerId,
          context.actor,
        );
      },
      onAppendFailed: () => this.uniqueValues.release(claimed, customerId, context.actor),
      afterAppend: (events, state) =>
        this.uniqueValues.release(changes(events, state).releases, customerId, context.actor),
    });
  }
}
