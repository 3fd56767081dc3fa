import { Command } from '@nestjs/cqrs';
import { TicketCommand } from '@app/domain';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';

/** The domain command's data, as the client gives it: the ticket is named apart. */
type DataOf<T extends TicketCommand['type'], Loaded extends string = never> = Omit<
  Extract<TicketCommand, { type: T }>['data'],
  'ticketId' | Loaded
>;

/** One ticket use case (rule 23): which ticket, its data typed by the domain's command, who asks. */
abstract class TicketUseCase<
  T extends TicketCommand['type'],
  Loaded extends string = never,
> extends Command<CommandOutcome> {
  constructor(
    readonly ticketId: string,
    readonly data: DataOf<T, Loaded>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The customer's status and the contract's owner are read by the handler, not given. */
export class OpenTicketCommand extends TicketUseCase<'OpenTicket', 'customer' | 'contract'> {}
export class AssignTicketCommand extends TicketUseCase<'AssignTicket'> {}
/** The author is the context's actor. */
export class CommentOnTicketCommand extends TicketUseCase<'CommentOnTicket', 'author'> {}
export class StartTicketCommand extends TicketUseCase<'StartTicket'> {}
export class ResolveTicketCommand extends TicketUseCase<'ResolveTicket'> {}
export class CloseTicketCommand extends TicketUseCase<'CloseTicket'> {}
export class ReopenTicketCommand extends TicketUseCase<'ReopenTicket'> {}
