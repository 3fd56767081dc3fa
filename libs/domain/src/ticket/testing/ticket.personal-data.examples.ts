import { EXAMPLE_AT } from '../../customer/testing/customer.personal-data.examples';
import { PersonalDataExamples } from '../../shared/personal-data';
import { TicketEvent } from '../ticket.events';
import { TICKET_PERSONAL_FIELDS } from '../ticket.personal-data';

const TICKET_ID = '6f1c2a55-0d7e-4c1b-9a53-1d2e3f405162';

/**
 * One example of every ticket event type that seals free text, the text quoting the customer;
 * the clear values are ids, dates, the enums the sealing spec lists as clear, and `clear-…`.
 */
export const TICKET_PERSONAL_DATA_EXAMPLES: PersonalDataExamples<
  TicketEvent,
  typeof TICKET_PERSONAL_FIELDS
> = {
  TicketOpened: (customerId) => ({
    ticketId: TICKET_ID,
    customerId,
    subject: 'Ana Pérez no tiene conexión en Calle Luna 3',
    description: 'Llamó desde el 600111222: el router de Ana parpadea en rojo',
    category: 'billing',
    priority: 'urgent',
    contractId: null,
    assignee: 'clear-operator-marta',
    openedAt: EXAMPLE_AT,
  }),
  TicketCommented: (customerId) => ({
    ticketId: TICKET_ID,
    customerId,
    commentId: 'clear-comment-1',
    author: 'clear-operator-marta',
    text: 'Ana dice que su vecino Luis tiene el mismo problema',
    commentedAt: EXAMPLE_AT,
  }),
};
