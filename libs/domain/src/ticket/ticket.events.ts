import { DomainEvent } from '../shared/decider';
import { TicketCategory, TicketPriority, TicketStatus } from './ticket.values';

/*
 * Every ticket event names its customer (`customerId`): the subject, description and comments
 * may hold the customer's personal data, sealed under the customer's key and erased with it.
 */

/** Rule 23: a ticket opened for a customer, optionally on one of its contracts. */
export type TicketOpened = DomainEvent<
  'TicketOpened',
  {
    ticketId: string;
    customerId: string;
    subject: string;
    description: string;
    category: TicketCategory;
    priority: TicketPriority;
    contractId: string | null;
    assignee: string | null;
    openedAt: string;
  }
>;

/** Handed to an operator (`before`: who had it, if anyone). */
export type TicketAssigned = DomainEvent<
  'TicketAssigned',
  {
    ticketId: string;
    customerId: string;
    before: string | null;
    assignee: string;
    assignedAt: string;
  }
>;

/** A comment, written by the command's actor. */
export type TicketCommented = DomainEvent<
  'TicketCommented',
  {
    ticketId: string;
    customerId: string;
    commentId: string;
    author: string;
    text: string;
    commentedAt: string;
  }
>;

/** open → in progress. */
export type TicketStarted = DomainEvent<
  'TicketStarted',
  { ticketId: string; customerId: string; startedAt: string }
>;

/** in progress → resolved. */
export type TicketResolved = DomainEvent<
  'TicketResolved',
  { ticketId: string; customerId: string; resolvedAt: string }
>;

/** resolved → closed. */
export type TicketClosed = DomainEvent<
  'TicketClosed',
  { ticketId: string; customerId: string; closedAt: string }
>;

/** resolved or closed → open again. */
export type TicketReopened = DomainEvent<
  'TicketReopened',
  {
    ticketId: string;
    customerId: string;
    from: Extract<TicketStatus, 'resolved' | 'closed'>;
    reopenedAt: string;
  }
>;

export type TicketEvent =
  | TicketOpened
  | TicketAssigned
  | TicketCommented
  | TicketStarted
  | TicketResolved
  | TicketClosed
  | TicketReopened;
export type TicketEventType = TicketEvent['type'];

export const TICKET_EVENT_TYPE_SET: Record<TicketEventType, true> = {
  TicketOpened: true,
  TicketAssigned: true,
  TicketCommented: true,
  TicketStarted: true,
  TicketResolved: true,
  TicketClosed: true,
  TicketReopened: true,
};
export const TICKET_EVENT_TYPES = Object.keys(TICKET_EVENT_TYPE_SET) as TicketEventType[];
