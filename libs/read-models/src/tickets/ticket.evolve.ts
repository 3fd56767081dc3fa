import { ERASED, TICKET_EVENT_TYPES, TICKET_STREAM_PREFIX, TicketEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { TicketRow } from './ticket.entity';

type Recorded<E> = E extends { type: string; data: unknown }
  ? RecordedEvent<E['type'], E['data']>
  : never;
export type RecordedTicketEvent = Recorded<TicketEvent>;

export const isRecordedTicketEvent = (event: RecordedEvent): event is RecordedTicketEvent =>
  (TICKET_EVENT_TYPES as readonly string[]).includes(event.type) &&
  event.stream.startsWith(TICKET_STREAM_PREFIX);

/** The ticket's row after one event of its stream. Pure. */
export function evolveTicketRow(
  current: TicketRow | null,
  event: RecordedTicketEvent,
): TicketRow | null {
  const version = Number(event.revision) + 1;
  if (event.type === 'TicketOpened') {
    const { ticketId, openedAt, ...opened } = event.data;
    return {
      id: ticketId,
      ...opened,
      state: 'open',
      comments: [],
      commentCount: 0,
      version,
      openedAt,
      updatedAt: openedAt,
    };
  }
  if (current === null) return null;
  switch (event.type) {
    case 'TicketAssigned':
      return {
        ...current,
        assignee: event.data.assignee,
        version,
        updatedAt: event.data.assignedAt,
      };
    case 'TicketCommented': {
      const { commentId, author, text, commentedAt } = event.data;
      const comments = [...current.comments, { commentId, author, text, commentedAt }];
      return {
        ...current,
        comments,
        commentCount: comments.length,
        version,
        updatedAt: commentedAt,
      };
    }
    case 'TicketStarted':
      return { ...current, state: 'in_progress', version, updatedAt: event.data.startedAt };
    case 'TicketResolved':
      return { ...current, state: 'resolved', version, updatedAt: event.data.resolvedAt };
    case 'TicketClosed':
      return { ...current, state: 'closed', version, updatedAt: event.data.closedAt };
    case 'TicketReopened':
      return { ...current, state: 'open', version, updatedAt: event.data.reopenedAt };
  }
}

/**
 * The row once its customer's personal data is erased: the free text reads as the log's
 * events now do (sealed under the destroyed key), so the live row and a rebuilt one agree.
 */
export const erasedTicketRow = (row: TicketRow): TicketRow => ({
  ...row,
  subject: ERASED,
  description: ERASED,
  comments: row.comments.map((comment) => ({ ...comment, text: ERASED })),
});
