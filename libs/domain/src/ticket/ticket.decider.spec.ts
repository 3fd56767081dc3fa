import { given } from '../shared/testing/decider-specification';
import { ticketDecider } from './ticket.decider';
import {
  assign,
  comment,
  history,
  openTicketCommand,
  OPENED_AT,
  step,
  STEP_AT,
  TICKET_CUSTOMER_ID,
  TICKET_IDS,
  ticketOpened,
} from './testing/ticket.fixtures';
import { TicketStatus } from './ticket.values';

const ticket = given(ticketDecider);

describe('Tickets (rule 23)', () => {
  describe('opening', () => {
    it('records subject, description, category and priority for the customer, unassigned, open', () => {
      ticket([]).when(openTicketCommand()).then([ticketOpened()]);
    });

    it('trims the text and takes an assignee and a contract of the customer', () => {
      ticket([])
        .when(
          openTicketCommand({
            subject: '  No connection  ',
            assignee: ' marta ',
            contractId: 'con-1',
            contract: { customerId: TICKET_CUSTOMER_ID },
          }),
        )
        .then([ticketOpened({ subject: 'No connection', assignee: 'marta', contractId: 'con-1' })]);
    });

    it("refuses a contract that is another customer's, or none at all, naming the field", () => {
      for (const contract of [{ customerId: 'cus-2' }, { customerId: null }, null])
        ticket([])
          .when(openTicketCommand({ contractId: 'con-9', contract }))
          .thenRefuses('R23.CONTRACT_NOT_THE_CUSTOMERS', { details: [{ field: 'contractId' }] });
    });

    it('refuses an unknown customer (404), a deleted one and an erased one', () => {
      ticket([])
        .when(openTicketCommand({ customer: { status: 'unregistered' } }))
        .thenRefuses('CUSTOMER.NOT_FOUND');
      ticket([])
        .when(openTicketCommand({ customer: { status: 'deleted' } }))
        .thenRefuses('CUSTOMER.DELETED');
      ticket([])
        .when(openTicketCommand({ customer: { status: 'erased' } }))
        .thenRefuses('CUSTOMER.ERASED');
    });

    it('takes an inactive customer: a former customer may still have a complaint', () => {
      ticket([])
        .when(openTicketCommand({ customer: { status: 'inactive' } }))
        .then([ticketOpened()]);
    });

    it('refuses every bad field at once, each named', () => {
      ticket([])
        .when(
          openTicketCommand({
            subject: ' ',
            description: 'x'.repeat(10_001),
            category: 'gossip' as never,
            priority: 'whenever' as never,
          }),
        )
        .thenRefuses('R23.INVALID_INPUT', {
          details: [
            { field: 'subject' },
            { field: 'description' },
            { field: 'category' },
            { field: 'priority' },
          ],
        });
    });

    it('refuses an id already used', () => {
      ticket(history.open).when(openTicketCommand()).thenRefuses('R23.TICKET_ALREADY_OPENED');
    });
  });

  describe('assigning', () => {
    it('hands the ticket to an operator, saying who had it', () => {
      ticket(history.open)
        .when(assign('marta'))
        .then([
          {
            type: 'TicketAssigned',
            data: { ...TICKET_IDS, before: null, assignee: 'marta', assignedAt: STEP_AT },
          },
        ]);
      ticket([ticketOpened({ assignee: 'marta' })])
        .when(assign('luis'))
        .then([
          {
            type: 'TicketAssigned',
            data: { ...TICKET_IDS, before: 'marta', assignee: 'luis', assignedAt: STEP_AT },
          },
        ]);
    });

    it('changes nothing when the ticket has that operator already', () => {
      ticket([ticketOpened({ assignee: 'marta' })])
        .when(assign('marta'))
        .thenNothingHappens();
    });

    it('refuses a blank assignee, a closed ticket and an unknown one', () => {
      ticket(history.open)
        .when(assign('  '))
        .thenRefuses('R23.INVALID_INPUT', { details: [{ field: 'assignee' }] });
      ticket(history.closed).when(assign('marta')).thenRefuses('R23.TICKET_CLOSED');
      ticket([]).when(assign('marta')).thenRefuses('R23.TICKET_NOT_FOUND');
    });
  });

  describe('commenting', () => {
    it('records the text under its author, in any state but closed', () => {
      for (const state of ['open', 'in_progress', 'resolved'] as const)
        ticket(history[state])
          .when(comment(' Replaced the router. '))
          .then([
            {
              type: 'TicketCommented',
              data: {
                ...TICKET_IDS,
                commentId: 'c-1',
                author: 'operator:marta',
                text: 'Replaced the router.',
                commentedAt: STEP_AT,
              },
            },
          ]);
    });

    it('refuses a blank comment, a closed ticket and an unknown one', () => {
      ticket(history.open)
        .when(comment(''))
        .thenRefuses('R23.INVALID_INPUT', { details: [{ field: 'text' }] });
      ticket(history.closed).when(comment('late')).thenRefuses('R23.TICKET_CLOSED');
      ticket([]).when(comment('hello')).thenRefuses('R23.TICKET_NOT_FOUND');
    });
  });

  describe('moving through the lifecycle', () => {
    it('starts an open ticket', () => {
      ticket(history.open)
        .when(step('StartTicket'))
        .then([{ type: 'TicketStarted', data: { ...TICKET_IDS, startedAt: STEP_AT } }]);
    });

    it('resolves a ticket in progress', () => {
      ticket(history.in_progress)
        .when(step('ResolveTicket'))
        .then([{ type: 'TicketResolved', data: { ...TICKET_IDS, resolvedAt: STEP_AT } }]);
    });

    it('closes a resolved ticket', () => {
      ticket(history.resolved)
        .when(step('CloseTicket'))
        .then([{ type: 'TicketClosed', data: { ...TICKET_IDS, closedAt: STEP_AT } }]);
    });

    it('reopens a resolved or closed ticket, saying from where', () => {
      for (const from of ['resolved', 'closed'] as const)
        ticket(history[from])
          .when(step('ReopenTicket'))
          .then([{ type: 'TicketReopened', data: { ...TICKET_IDS, from, reopenedAt: STEP_AT } }]);
    });

    it('is open again once reopened, and can be started anew', () => {
      ticket([
        ...history.closed,
        { type: 'TicketReopened', data: { ...TICKET_IDS, from: 'closed', reopenedAt: STEP_AT } },
      ])
        .when(step('StartTicket'))
        .then([{ type: 'TicketStarted', data: { ...TICKET_IDS, startedAt: STEP_AT } }]);
    });

    const illegal: [Parameters<typeof step>[0], TicketStatus[]][] = [
      ['StartTicket', ['in_progress', 'resolved', 'closed']],
      ['ResolveTicket', ['open', 'resolved', 'closed']],
      ['CloseTicket', ['open', 'in_progress', 'closed']],
      ['ReopenTicket', ['open', 'in_progress']],
    ];
    it.each(illegal)('refuses %s from %p with R23.ILLEGAL_TRANSITION', (type, states) => {
      for (const state of states)
        ticket(history[state]).when(step(type)).thenRefuses('R23.ILLEGAL_TRANSITION');
    });

    it('refuses every step on a ticket that does not exist (404)', () => {
      for (const type of ['StartTicket', 'ResolveTicket', 'CloseTicket', 'ReopenTicket'] as const)
        ticket([]).when(step(type)).thenRefuses('R23.TICKET_NOT_FOUND');
    });
  });

  it('dates every event with the command, never a clock', () => {
    expect(
      ticketDecider.decide(openTicketCommand(), ticketDecider.initialState)[0].data,
    ).toMatchObject({ openedAt: OPENED_AT });
  });
});
