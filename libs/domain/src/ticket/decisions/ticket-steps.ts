import { RefusalReason, refuseIfAny } from '../../shared/domain-error';
import {
  AssignTicket,
  CloseTicket,
  CommentOnTicket,
  ReopenTicket,
  ResolveTicket,
  StartTicket,
} from '../ticket.commands';
import { illegalTicketTransition, ticketClosed, ticketNotFound } from '../ticket.errors';
import {
  TicketAssigned,
  TicketClosed,
  TicketCommented,
  TicketReopened,
  TicketResolved,
  TicketStarted,
} from '../ticket.events';
import { ExistingTicket, TicketState } from '../ticket.state';
import { MAX_TICKET_ASSIGNEE_LENGTH, MAX_TICKET_TEXT_LENGTH, TicketStatus } from '../ticket.values';
import { requireTicketText } from './ticket-inputs';

function existing(ticketId: string, state: TicketState): ExistingTicket {
  if (state.status === 'none') throw ticketNotFound(ticketId);
  return state;
}

/** The ticket, if it is in one of the states `from` the step `step` leaves. */
function inState(
  ticketId: string,
  state: TicketState,
  step: string,
  from: readonly TicketStatus[],
): ExistingTicket {
  const ticket = existing(ticketId, state);
  if (!from.includes(ticket.status))
    throw illegalTicketTransition(ticketId, step, ticket.status, from);
  return ticket;
}

/** To an operator; the one it has already changes nothing. A closed ticket is reopened first. */
export function assignTicket(command: AssignTicket, state: TicketState): TicketAssigned[] {
  const ticket = existing(command.data.ticketId, state);
  if (ticket.status === 'closed') throw ticketClosed(ticket.ticketId, 'assigning it');
  const problems: RefusalReason[] = [];
  const assignee = requireTicketText(
    command.data.assignee,
    'assignee',
    MAX_TICKET_ASSIGNEE_LENGTH,
    problems,
  );
  refuseIfAny(problems);
  if (assignee === ticket.assignee) return [];
  const { ticketId, customerId } = ticket;
  return [
    {
      type: 'TicketAssigned',
      data: {
        ticketId,
        customerId,
        before: ticket.assignee,
        assignee,
        assignedAt: command.metadata.at,
      },
    },
  ];
}

/** A comment by the actor; a closed ticket is reopened first. */
export function commentOnTicket(command: CommentOnTicket, state: TicketState): TicketCommented[] {
  const ticket = existing(command.data.ticketId, state);
  if (ticket.status === 'closed') throw ticketClosed(ticket.ticketId, 'commenting on it');
  const problems: RefusalReason[] = [];
  const text = requireTicketText(command.data.text, 'text', MAX_TICKET_TEXT_LENGTH, problems);
  refuseIfAny(problems);
  const { ticketId, customerId } = ticket;
  const { commentId, author } = command.data;
  return [
    {
      type: 'TicketCommented',
      data: { ticketId, customerId, commentId, author, text, commentedAt: command.metadata.at },
    },
  ];
}

export function startTicket(command: StartTicket, state: TicketState): TicketStarted[] {
  const { ticketId, customerId } = inState(command.data.ticketId, state, 'started', ['open']);
  return [
    { type: 'TicketStarted', data: { ticketId, customerId, startedAt: command.metadata.at } },
  ];
}

export function resolveTicket(command: ResolveTicket, state: TicketState): TicketResolved[] {
  const { ticketId, customerId } = inState(command.data.ticketId, state, 'resolved', [
    'in_progress',
  ]);
  return [
    { type: 'TicketResolved', data: { ticketId, customerId, resolvedAt: command.metadata.at } },
  ];
}

export function closeTicket(command: CloseTicket, state: TicketState): TicketClosed[] {
  const { ticketId, customerId } = inState(command.data.ticketId, state, 'closed', ['resolved']);
  return [{ type: 'TicketClosed', data: { ticketId, customerId, closedAt: command.metadata.at } }];
}

export function reopenTicket(command: ReopenTicket, state: TicketState): TicketReopened[] {
  const ticket = inState(command.data.ticketId, state, 'reopened', ['resolved', 'closed']);
  const from = ticket.status === 'closed' ? 'closed' : 'resolved';
  const { ticketId, customerId } = ticket;
  return [
    {
      type: 'TicketReopened',
      data: { ticketId, customerId, from, reopenedAt: command.metadata.at },
    },
  ];
}
