/** Rule 23: what a ticket is about, how urgent it is, and where it stands. */
export const TICKET_CATEGORIES = [
  'technical',
  'billing',
  'commercial',
  'installation',
  'other',
] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** The lifecycle, in order: open → in progress → resolved → closed; reopening goes back to open. */
export const TICKET_STATES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATES)[number];

/** The longest subject, description, comment and assignee the domain takes. */
export const MAX_TICKET_SUBJECT_LENGTH = 200;
export const MAX_TICKET_TEXT_LENGTH = 10_000;
export const MAX_TICKET_ASSIGNEE_LENGTH = 200;
