import { Inject, Injectable } from '@nestjs/common';
import { TicketCommand, ticketDecider, ticketStream } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';
import { decideAndAppend } from '../commands/decide-and-append';

/** A ticket command through the one write path (load → decide → append on `ticket-<id>`). */
@Injectable()
export class TicketWrites {
  constructor(@Inject(EVENT_STORE) readonly store: EventStore) {}

  async decide(
    ticketId: string,
    command: TicketCommand,
    context: CommandContext,
  ): Promise<CommandOutcome> {
    const { id, version, position } = await decideAndAppend(this.store, {
      aggregateId: ticketId,
      stream: ticketStream(ticketId),
      decider: ticketDecider,
      command,
      context,
    });
    return { id, version, position };
  }
}
