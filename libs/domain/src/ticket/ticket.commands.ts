import { CustomerFact } from '../customer/customer.state';
import { DomainCommand } from '../shared/decider';
import { TicketCategory, TicketPriority } from './ticket.values';

/**
 * What the application read of the contract named, from its own stream: the customer it
 * belongs to, `null` when no such contract exists.
 */
export interface TicketContractFact {
  customerId: string | null;
}

export type OpenTicket = DomainCommand<
  'OpenTicket',
  {
    ticketId: string;
    customerId: string;
    /** The customer's status, read from its stream. */
    customer: CustomerFact;
    subject: string;
    description: string;
    category: TicketCategory;
    priority: TicketPriority;
    contractId?: string | null;
    /** The contract's owner, read from its stream; required when `contractId` is given. */
    contract?: TicketContractFact | null;
    assignee?: string | null;
  }
>;

export type AssignTicket = DomainCommand<'AssignTicket', { ticketId: string; assignee: string }>;

/** `author` is the command's actor (who comments), not something the client says. */
export type CommentOnTicket = DomainCommand<
  'CommentOnTicket',
  { ticketId: string; commentId: string; author: string; text: string }
>;

export type StartTicket = DomainCommand<'StartTicket', { ticketId: string }>;
export type ResolveTicket = DomainCommand<'ResolveTicket', { ticketId: string }>;
export type CloseTicket = DomainCommand<'CloseTicket', { ticketId: string }>;
export type ReopenTicket = DomainCommand<'ReopenTicket', { ticketId: string }>;

export type TicketCommand =
  | OpenTicket
  | AssignTicket
  | CommentOnTicket
  | StartTicket
  | ResolveTicket
  | CloseTicket
  | ReopenTicket;
export type TicketCommandType = TicketCommand['type'];
