/** The one place that names a ticket's stream; handlers and projections both use it. */
export const TICKET_STREAM_PREFIX = 'ticket-';

export const ticketStream = (ticketId: string): string => TICKET_STREAM_PREFIX + ticketId;
