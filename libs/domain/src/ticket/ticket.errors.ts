import { DomainError } from '../shared/domain-error';
import { TicketStatus } from './ticket.values';

/** Refusals of rule 23 (tickets). A code ending in NOT_FOUND answers 404, the others 422. */
export const TicketRefusal = {
  invalidInput: 'R23.INVALID_INPUT',
  notFound: 'R23.TICKET_NOT_FOUND',
  /** A ticket with this id exists already. */
  alreadyOpened: 'R23.TICKET_ALREADY_OPENED',
  /** The contract named is not one of the customer's. */
  contractOfAnotherCustomer: 'R23.CONTRACT_NOT_THE_CUSTOMERS',
  /** The step asked for does not follow from the ticket's state. */
  illegalTransition: 'R23.ILLEGAL_TRANSITION',
  /** A closed ticket takes no assignment or comment until it is reopened. */
  closed: 'R23.TICKET_CLOSED',
} as const;

export type TicketRefusal = (typeof TicketRefusal)[keyof typeof TicketRefusal];

export const ticketNotFound = (ticketId: string) =>
  new DomainError(
    TicketRefusal.notFound,
    `Ticket ${ticketId} does not exist; open it (POST /customers/:id/tickets) first.`,
  );

const STATE_LABELS: Record<TicketStatus, string> = {
  open: 'open',
  in_progress: 'in progress',
  resolved: 'resolved',
  closed: 'closed',
};

export const illegalTicketTransition = (
  ticketId: string,
  step: string,
  status: TicketStatus,
  from: readonly TicketStatus[],
) =>
  new DomainError(
    TicketRefusal.illegalTransition,
    `Ticket ${ticketId} is ${STATE_LABELS[status]}: it can be ${step} only when ${from.map((state) => STATE_LABELS[state]).join(' or ')}.`,
  );

export const ticketClosed = (ticketId: string, what: string) =>
  new DomainError(
    TicketRefusal.closed,
    `Ticket ${ticketId} is closed: reopen it (POST /tickets/${ticketId}/reopen) before ${what}.`,
  );
