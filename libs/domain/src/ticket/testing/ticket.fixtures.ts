import { AssignTicket, CommentOnTicket, OpenTicket, TicketCommand } from '../ticket.commands';
import { TicketEvent, TicketOpened } from '../ticket.events';

export const TICKET_ID = 'tkt-1';
export const TICKET_CUSTOMER_ID = 'cus-1';
export const OPENED_AT = '2026-03-01T10:00:00.000Z';
export const STEP_AT = '2026-03-02T10:00:00.000Z';

export const openTicketCommand = (data: Partial<OpenTicket['data']> = {}): OpenTicket => ({
  type: 'OpenTicket',
  data: {
    ticketId: TICKET_ID,
    customerId: TICKET_CUSTOMER_ID,
    customer: { status: 'active' },
    subject: 'No connection since Monday',
    description: 'The router shows a red light.',
    category: 'technical',
    priority: 'high',
    ...data,
  },
  metadata: { at: OPENED_AT },
});

export const ticketOpened = (data: Partial<TicketOpened['data']> = {}): TicketOpened => ({
  type: 'TicketOpened',
  data: {
    ticketId: TICKET_ID,
    customerId: TICKET_CUSTOMER_ID,
    subject: 'No connection since Monday',
    description: 'The router shows a red light.',
    category: 'technical',
    priority: 'high',
    contractId: null,
    assignee: null,
    openedAt: OPENED_AT,
    ...data,
  },
});

type StepType = 'StartTicket' | 'ResolveTicket' | 'CloseTicket' | 'ReopenTicket';

/** A lifecycle step on the ticket. */
export const step = (type: StepType): TicketCommand =>
  ({ type, data: { ticketId: TICKET_ID }, metadata: { at: STEP_AT } }) as TicketCommand;

export const assign = (assignee: string): AssignTicket => ({
  type: 'AssignTicket',
  data: { ticketId: TICKET_ID, assignee },
  metadata: { at: STEP_AT },
});

export const comment = (text: string): CommentOnTicket => ({
  type: 'CommentOnTicket',
  data: { ticketId: TICKET_ID, commentId: 'c-1', author: 'operator:marta', text },
  metadata: { at: STEP_AT },
});

const ids = { ticketId: TICKET_ID, customerId: TICKET_CUSTOMER_ID };

/** The events that leave the ticket in each state. */
export const history = {
  open: [ticketOpened()] as TicketEvent[],
  in_progress: [
    ticketOpened(),
    { type: 'TicketStarted', data: { ...ids, startedAt: STEP_AT } },
  ] as TicketEvent[],
  resolved: [
    ticketOpened(),
    { type: 'TicketStarted', data: { ...ids, startedAt: STEP_AT } },
    { type: 'TicketResolved', data: { ...ids, resolvedAt: STEP_AT } },
  ] as TicketEvent[],
  closed: [
    ticketOpened(),
    { type: 'TicketStarted', data: { ...ids, startedAt: STEP_AT } },
    { type: 'TicketResolved', data: { ...ids, resolvedAt: STEP_AT } },
    { type: 'TicketClosed', data: { ...ids, closedAt: STEP_AT } },
  ] as TicketEvent[],
};

export const TICKET_IDS = ids;
