import { ticketDecider, TicketEvent } from '@app/domain';
import {
  assign,
  comment,
  openTicketCommand,
  step,
  STEP_AT,
  TICKET_CUSTOMER_ID,
} from '@app/domain/ticket/testing/ticket.fixtures';
import { foldRow, recordedStream } from '../testing/recorded-stream';
import { erasedTicketRow, evolveTicketRow, RecordedTicketEvent } from './ticket.evolve';
import { ticketHistoryEntryFor } from './ticket.history-entries';

/** The events a sequence of commands writes, each decided on the state the previous left. */
function decided(...commands: Parameters<typeof ticketDecider.decide>[0][]): TicketEvent[] {
  const events: TicketEvent[] = [];
  let state = ticketDecider.initialState;
  for (const command of commands)
    for (const event of ticketDecider.decide(command, state)) {
      events.push(event);
      state = ticketDecider.evolve(state, event);
    }
  return events;
}

const log = recordedStream(
  'ticket-tkt-1',
  decided(
    openTicketCommand({ contractId: 'con-1', contract: { customerId: TICKET_CUSTOMER_ID } }),
    assign('marta'),
    step('StartTicket'),
    comment('Router replaced'),
    step('ResolveTicket'),
    step('CloseTicket'),
    step('ReopenTicket'),
  ),
) as RecordedTicketEvent[];

describe('the tickets row (rule 23)', () => {
  it('is the opened ticket, open, at version 1, no comments', () => {
    expect(foldRow(evolveTicketRow, log.slice(0, 1))).toEqual({
      id: 'tkt-1',
      customerId: TICKET_CUSTOMER_ID,
      contractId: 'con-1',
      state: 'open',
      subject: 'No connection since Monday',
      description: 'The router shows a red light.',
      category: 'technical',
      priority: 'high',
      assignee: null,
      comments: [],
      commentCount: 0,
      version: 1,
      openedAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-03-01T10:00:00.000Z',
    });
  });

  it('follows each step: assignee, state, comments and their count, version and when', () => {
    const states = log.map((_, index) => foldRow(evolveTicketRow, log.slice(0, index + 1))!.state);
    expect(states).toEqual([
      'open',
      'open',
      'in_progress',
      'in_progress',
      'resolved',
      'closed',
      'open',
    ]);
    expect(foldRow(evolveTicketRow, log)).toMatchObject({
      assignee: 'marta',
      comments: [
        {
          commentId: 'c-1',
          author: 'operator:marta',
          text: 'Router replaced',
          commentedAt: STEP_AT,
        },
      ],
      commentCount: 1,
      version: 7,
      updatedAt: STEP_AT,
    });
  });

  it('ignores a step without its opening', () => {
    expect(evolveTicketRow(null, log[2])).toBeNull();
  });

  it('reads as erased once the customer is: subject, description and comment text, nothing else', () => {
    const row = foldRow(evolveTicketRow, log)!;
    expect(erasedTicketRow(row)).toEqual({
      ...row,
      subject: '[erased]',
      description: '[erased]',
      comments: [{ ...row.comments[0], text: '[erased]' }],
    });
  });
});

describe("the tickets' lines on the customer's history tab", () => {
  it('gives every event a line for its customer, naming the ticket and never its free text', () => {
    const lines = log.map(ticketHistoryEntryFor);
    expect(lines.map((line) => line!.summary)).toEqual([
      'Ticket opened: technical, high priority',
      'Ticket assigned to marta',
      'Ticket started',
      'Ticket commented by operator:marta',
      'Ticket resolved',
      'Ticket closed',
      'Ticket reopened (was closed)',
    ]);
    expect(lines.every((line) => line!.customerId === TICKET_CUSTOMER_ID)).toBe(true);
    const text = JSON.stringify(lines);
    for (const secret of ['No connection', 'red light', 'Router replaced'])
      expect(text).not.toContain(secret);
    expect(lines[2]!.changes).toEqual([
      {
        field: 'tickets',
        before: { ticketId: 'tkt-1', state: 'open' },
        after: { ticketId: 'tkt-1', state: 'in_progress' },
      },
    ]);
  });

  it('gives no line to events of other streams', () => {
    expect(ticketHistoryEntryFor({ ...log[0], stream: 'customer-x' })).toBeNull();
  });
});
