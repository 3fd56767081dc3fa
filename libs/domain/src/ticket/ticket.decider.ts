import { assertNever, Decider } from '../shared/decider';
import { openTicket } from './decisions/open-ticket';
import {
  assignTicket,
  closeTicket,
  commentOnTicket,
  reopenTicket,
  resolveTicket,
  startTicket,
} from './decisions/ticket-steps';
import { TicketCommand } from './ticket.commands';
import { TicketEvent } from './ticket.events';
import { INITIAL_TICKET_STATE, TicketState } from './ticket.state';

function evolve(state: TicketState, event: TicketEvent): TicketState {
  switch (event.type) {
    case 'TicketOpened': {
      const { ticketId, customerId, assignee } = event.data;
      return { status: 'open', ticketId, customerId, assignee };
    }
    case 'TicketAssigned':
      return state.status === 'none' ? state : { ...state, assignee: event.data.assignee };
    case 'TicketCommented':
      return state;
    case 'TicketStarted':
      return state.status === 'none' ? state : { ...state, status: 'in_progress' };
    case 'TicketResolved':
      return state.status === 'none' ? state : { ...state, status: 'resolved' };
    case 'TicketClosed':
      return state.status === 'none' ? state : { ...state, status: 'closed' };
    case 'TicketReopened':
      return state.status === 'none' ? state : { ...state, status: 'open' };
    default:
      return assertNever(event, 'ticket event');
  }
}

function decide(command: TicketCommand, state: TicketState): TicketEvent[] {
  switch (command.type) {
    case 'OpenTicket':
      return openTicket(command, state);
    case 'AssignTicket':
      return assignTicket(command, state);
    case 'CommentOnTicket':
      return commentOnTicket(command, state);
    case 'StartTicket':
      return startTicket(command, state);
    case 'ResolveTicket':
      return resolveTicket(command, state);
    case 'CloseTicket':
      return closeTicket(command, state);
    case 'ReopenTicket':
      return reopenTicket(command, state);
    default:
      return assertNever(command, 'ticket command');
  }
}

/** Rule 23: one ticket's lifecycle, open → in progress → resolved → closed, and back to open. */
export const ticketDecider: Decider<TicketCommand, TicketEvent, TicketState> = {
  initialState: INITIAL_TICKET_STATE,
  evolve,
  decide,
};
