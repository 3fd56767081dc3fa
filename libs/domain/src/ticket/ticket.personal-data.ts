import { ERASED } from '../customer/customer.erasure';
import { NO_PERSONAL_DATA, PersonalDataMap } from '../shared/personal-data';
import { TicketEvent } from './ticket.events';

/**
 * A ticket's free text (subject, description, comments) may quote the customer's personal
 * data: sealed under the customer's key, read as `[erased]` once the customer is erased. Kept
 * in clear: ids, category, priority, states, dates, and the operators' names (assignee,
 * comment author), which are the business's own.
 */
export const TICKET_PERSONAL_FIELDS = {
  TicketOpened: { paths: { subject: ERASED, description: ERASED } },
  TicketAssigned: NO_PERSONAL_DATA,
  TicketCommented: { paths: { text: ERASED } },
  TicketStarted: NO_PERSONAL_DATA,
  TicketResolved: NO_PERSONAL_DATA,
  TicketClosed: NO_PERSONAL_DATA,
  TicketReopened: NO_PERSONAL_DATA,
} satisfies PersonalDataMap<TicketEvent>;
