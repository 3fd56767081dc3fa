import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { catalogDecider, CatalogState, catalogStream } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CommandOutcome } from '../commands/command-outcome';
import { loadState } from '../commands/load-state';
import { CustomerWrites } from '../customers/customer-writes';
import {
  EditInterestCommand,
  RecordInterestCommand,
  RemoveInterestCommand,
} from './interest.commands';

const at = (command: { context: { at: string } }) => ({ at: command.context.at });

/** Rule 28: the tariff named, read from its own stream (no lag); none named: no fact. */
async function tariffFact(
  store: EventStore,
  tariffId: string | null | undefined,
): Promise<CatalogState | null> {
  if (typeof tariffId !== 'string' || tariffId.trim() === '') return null;
  return loadState(store, catalogStream(tariffId.trim()), catalogDecider);
}

@CommandHandler(RecordInterestCommand)
export class RecordInterestHandler implements ICommandHandler<RecordInterestCommand> {
  constructor(
    private readonly customers: CustomerWrites,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}
  async execute(c: RecordInterestCommand): Promise<CommandOutcome> {
    const tariff = await tariffFact(this.store, c.data.tariffId);
    const data = { ...c.data, customerId: c.customerId, interestId: c.interestId, tariff };
    return this.customers.decide(
      c.customerId,
      { type: 'RecordInterest', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(EditInterestCommand)
export class EditInterestHandler implements ICommandHandler<EditInterestCommand> {
  constructor(
    private readonly customers: CustomerWrites,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}
  async execute(c: EditInterestCommand): Promise<CommandOutcome> {
    const tariff = await tariffFact(this.store, c.data.tariffId);
    const data = { ...c.data, customerId: c.customerId, interestId: c.interestId, tariff };
    return this.customers.decide(
      c.customerId,
      { type: 'EditInterest', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(RemoveInterestCommand)
export class RemoveInterestHandler implements ICommandHandler<RemoveInterestCommand> {
  constructor(private readonly customers: CustomerWrites) {}
  execute(c: RemoveInterestCommand): Promise<CommandOutcome> {
    const data = { customerId: c.customerId, interestId: c.interestId };
    return this.customers.decide(
      c.customerId,
      { type: 'RemoveInterest', data, metadata: at(c) },
      c.context,
    );
  }
}

/** Registered with the customer's providers: they share its write path (`CustomerWrites`). */
export const interestHandlers = [RecordInterestHandler, EditInterestHandler, RemoveInterestHandler];
