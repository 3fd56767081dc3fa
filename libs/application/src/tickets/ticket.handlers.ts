import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketContractFact } from '@app/domain';
import { CommandOutcome } from '../commands/command-outcome';
import { contractState, customerFact } from '../commands/facts';
import {
  AssignTicketCommand,
  CloseTicketCommand,
  CommentOnTicketCommand,
  OpenTicketCommand,
  ReopenTicketCommand,
  ResolveTicketCommand,
  StartTicketCommand,
} from './ticket.commands';
import { TicketWrites } from './ticket-writes';

const at = (command: { context: { at: string } }) => ({ at: command.context.at });

/**
 * The customer's status and the contract's owner are read from their own streams (no lag);
 * the decider refuses an unknown or deleted customer and a contract not of this customer.
 */
@CommandHandler(OpenTicketCommand)
export class OpenTicketHandler implements ICommandHandler<OpenTicketCommand> {
  constructor(private readonly tickets: TicketWrites) {}
  async execute(c: OpenTicketCommand): Promise<CommandOutcome> {
    const customer = await customerFact(this.tickets.store, c.data.customerId);
    const contract = await this.contractFact(c.data.contractId);
    const data = { ...c.data, ticketId: c.ticketId, customer, contract };
    return this.tickets.decide(
      c.ticketId,
      { type: 'OpenTicket', data, metadata: at(c) },
      c.context,
    );
  }

  private async contractFact(
    contractId: string | null | undefined,
  ): Promise<TicketContractFact | null> {
    if (typeof contractId !== 'string' || contractId.trim() === '') return null;
    const contract = await contractState(this.tickets.store, contractId.trim());
    return { customerId: contract.status === 'none' ? null : contract.customerId };
  }
}

@CommandHandler(AssignTicketCommand)
export class AssignTicketHandler implements ICommandHandler<AssignTicketCommand> {
  constructor(private readonly tickets: TicketWrites) {}
  execute(c: AssignTicketCommand): Promise<CommandOutcome> {
    const data = { ...c.data, ticketId: c.ticketId };
    return this.tickets.decide(
      c.ticketId,
      { type: 'AssignTicket', data, metadata: at(c) },
      c.context,
    );
  }
}

/** The comment's author is whoever issues the command (`X-Actor`, or the API key). */
@CommandHandler(CommentOnTicketCommand)
export class CommentOnTicketHandler implements ICommandHandler<CommentOnTicketCommand> {
  constructor(private readonly tickets: TicketWrites) {}
  execute(c: CommentOnTicketCommand): Promise<CommandOutcome> {
    const data = { ...c.data, ticketId: c.ticketId, author: c.context.actor };
    return this.tickets.decide(
      c.ticketId,
      { type: 'CommentOnTicket', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(StartTicketCommand)
export class StartTicketHandler implements ICommandHandler<StartTicketCommand> {
  constructor(private readonly tickets: TicketWrites) {}
  execute(c: StartTicketCommand): Promise<CommandOutcome> {
    const data = { ticketId: c.ticketId };
    return this.tickets.decide(
      c.ticketId,
      { type: 'StartTicket', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(ResolveTicketCommand)
export class ResolveTicketHandler implements ICommandHandler<ResolveTicketCommand> {
  constructor(private readonly tickets: TicketWrites) {}
  execute(c: ResolveTicketCommand): Promise<CommandOutcome> {
    const data = { ticketId: c.ticketId };
    return this.tickets.decide(
      c.ticketId,
      { type: 'ResolveTicket', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(CloseTicketCommand)
export class CloseTicketHandler implements ICommandHandler<CloseTicketCommand> {
  constructor(private readonly tickets: TicketWrites) {}
  execute(c: CloseTicketCommand): Promise<CommandOutcome> {
    const data = { ticketId: c.ticketId };
    return this.tickets.decide(
      c.ticketId,
      { type: 'CloseTicket', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(ReopenTicketCommand)
export class ReopenTicketHandler implements ICommandHandler<ReopenTicketCommand> {
  constructor(private readonly tickets: TicketWrites) {}
  execute(c: ReopenTicketCommand): Promise<CommandOutcome> {
    const data = { ticketId: c.ticketId };
    return this.tickets.decide(
      c.ticketId,
      { type: 'ReopenTicket', data, metadata: at(c) },
      c.context,
    );
  }
}

/** Everything the tickets capability registers with Nest. */
export const ticketApplicationProviders = [
  TicketWrites,
  OpenTicketHandler,
  AssignTicketHandler,
  CommentOnTicketHandler,
  StartTicketHandler,
  ResolveTicketHandler,
  CloseTicketHandler,
  ReopenTicketHandler,
];
