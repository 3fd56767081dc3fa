import { CustomerRefusal } from '../../customer/customer.errors';
import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { OpenTicket } from '../ticket.commands';
import { TicketRefusal } from '../ticket.errors';
import { TicketOpened } from '../ticket.events';
import { TicketState } from '../ticket.state';
import {
  MAX_TICKET_ASSIGNEE_LENGTH,
  MAX_TICKET_SUBJECT_LENGTH,
  MAX_TICKET_TEXT_LENGTH,
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
} from '../ticket.values';
import { optionalTicketText, requireOneOf, requireTicketText } from './ticket-inputs';

/** Rule 23: a ticket for a registered customer (not deleted or erased), on one of its contracts if any. */
export function openTicket(command: OpenTicket, state: TicketState): TicketOpened[] {
  const { data } = command;
  if (state.status !== 'none')
    throw new DomainError(
      TicketRefusal.alreadyOpened,
      `Ticket ${data.ticketId} already exists; open another with a new id.`,
    );
  refuseUnlessCustomerTakesTickets(command);
  const problems: RefusalReason[] = [];
  const subject = requireTicketText(data.subject, 'subject', MAX_TICKET_SUBJECT_LENGTH, problems);
  const description = requireTicketText(
    data.description,
    'description',
    MAX_TICKET_TEXT_LENGTH,
    problems,
  );
  const category = requireOneOf(data.category, 'category', TICKET_CATEGORIES, problems);
  const priority = requireOneOf(data.priority, 'priority', TICKET_PRIORITIES, problems);
  const assignee = optionalTicketText(
    data.assignee,
    'assignee',
    MAX_TICKET_ASSIGNEE_LENGTH,
    problems,
  );
  const contractId = optionalTicketText(data.contractId, 'contractId', 100, problems);
  if (contractId !== null && data.contract?.customerId !== data.customerId)
    problems.push({
      code: TicketRefusal.contractOfAnotherCustomer,
      field: 'contractId',
      message: `Contract ${contractId} is not one of customer ${data.customerId}'s contracts.`,
    });
  refuseIfAny(problems);
  return [
    {
      type: 'TicketOpened',
      data: {
        ticketId: data.ticketId,
        customerId: data.customerId,
        subject,
        description,
        category,
        priority,
        contractId,
        assignee,
        openedAt: command.metadata.at,
      },
    },
  ];
}

function refuseUnlessCustomerTakesTickets({ data }: OpenTicket): void {
  if (data.customer.status === 'unregistered')
    throw new DomainError(CustomerRefusal.notFound, `No customer ${data.customerId}`);
  if (data.customer.status === 'deleted')
    throw new DomainError(CustomerRefusal.deleted, 'A deleted customer cannot get a new ticket.');
  if (data.customer.status === 'erased')
    throw new DomainError(
      CustomerRefusal.erased,
      "The customer's personal data was erased: a new ticket's text could not be kept.",
    );
}
