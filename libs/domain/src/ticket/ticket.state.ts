import { TicketStatus } from './ticket.values';

/** What every ticket that exists holds. */
export interface TicketRecord {
  ticketId: string;
  customerId: string;
  assignee: string | null;
}

export type NoTicket = { status: 'none' };
export type ExistingTicket = { status: TicketStatus } & TicketRecord;

export type TicketState = NoTicket | ExistingTicket;

export const INITIAL_TICKET_STATE: TicketState = { status: 'none' };
