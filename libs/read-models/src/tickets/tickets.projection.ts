import { TICKET_EVENT_TYPES } from '@app/domain';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { keyedRowProjection } from '../rows/keyed-row-projection';
import { TicketRow } from './ticket.entity';
import { erasedTicketRow, evolveTicketRow, isRecordedTicketEvent } from './ticket.evolve';

/**
 * Rule 23's tickets, one row each. A customer's erasure rewrites its tickets' free text to the
 * erased form: the events before it in the batch are applied first, those after it as recorded
 * (written erased by the store), as event by event.
 */
export const ticketsProjection = (): Projection =>
  keyedRowProjection({
    name: 'tickets',
    handles: TICKET_EVENT_TYPES,
    table: 'tickets',
    entity: TicketRow,
    key: 'id',
    canHandle: isRecordedTicketEvent,
    keyOf: (event) => event.data.ticketId,
    evolve: evolveTicketRow,
    lastRevisionOf: (row) => row.version - 1,
    erasedWithCustomer: { byCustomerIndex: 'tickets_by_customer', erase: eraseTickets },
  });

async function eraseTickets(manager: EntityManager, customerId: string): Promise<void> {
  const tickets = manager.getRepository(TicketRow);
  const rows = await tickets.findBy({ customerId });
  if (rows.length > 0) await tickets.save(rows.map(erasedTicketRow));
}
