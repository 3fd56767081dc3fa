import { assertNever, TICKET_EVENT_TYPES, TicketStatus } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { HistoryChange } from '../customers/customer-history.entity';
import { HistoryEntry, HistorySource } from '../customers/history-entry';
import { isRecordedTicketEvent, RecordedTicketEvent } from './ticket.evolve';

const STATE_LABELS: Record<TicketStatus, string> = {
  open: 'open',
  in_progress: 'in progress',
  resolved: 'resolved',
  closed: 'closed',
};

/**
 * A ticket event's line on its customer's history tab (rule R13), under `tickets`. The line
 * names the ticket and what changed, never its free text (subject, description, comments):
 * those are the customer's personal data, sealed in the log, and a line keeps nothing an
 * erasure would have to rewrite.
 */
export function ticketHistoryEntryFor(event: RecordedEvent): HistoryEntry | null {
  if (!isRecordedTicketEvent(event)) return null;
  const { summary, changes } = describe(event);
  return { customerId: event.data.customerId, summary, changes, bulkOperationId: null };
}

export const ticketHistorySource: HistorySource = {
  handles: TICKET_EVENT_TYPES,
  historyEntryFor: ticketHistoryEntryFor,
};

const moved = (ticketId: string, from: TicketStatus, to: TicketStatus): HistoryChange[] => [
  { field: 'tickets', before: { ticketId, state: from }, after: { ticketId, state: to } },
];

function describe(event: RecordedTicketEvent): { summary: string; changes: HistoryChange[] } {
  const { ticketId } = event.data;
  switch (event.type) {
    case 'TicketOpened': {
      const { category, priority, contractId, assignee } = event.data;
      const after = { ticketId, state: 'open', category, priority, contractId, assignee };
      return {
        summary: `Ticket opened: ${category}, ${priority} priority`,
        changes: [{ field: 'tickets', before: null, after }],
      };
    }
    case 'TicketAssigned': {
      const { before, assignee } = event.data;
      return {
        summary: `Ticket assigned to ${assignee}`,
        changes: [
          {
            field: 'tickets',
            before: { ticketId, assignee: before },
            after: { ticketId, assignee },
          },
        ],
      };
    }
    case 'TicketCommented': {
      const { commentId, author } = event.data;
      return {
        summary: `Ticket commented by ${author}`,
        changes: [{ field: 'tickets', before: null, after: { ticketId, commentId, author } }],
      };
    }
    case 'TicketStarted':
      return { summary: 'Ticket started', changes: moved(ticketId, 'open', 'in_progress') };
    case 'TicketResolved':
      return { summary: 'Ticket resolved', changes: moved(ticketId, 'in_progress', 'resolved') };
    case 'TicketClosed':
      return { summary: 'Ticket closed', changes: moved(ticketId, 'resolved', 'closed') };
    case 'TicketReopened': {
      const { from } = event.data;
      return {
        summary: `Ticket reopened (was ${STATE_LABELS[from]})`,
        changes: moved(ticketId, from, 'open'),
      };
    }
    default:
      return assertNever(event, 'ticket event');
  }
}
