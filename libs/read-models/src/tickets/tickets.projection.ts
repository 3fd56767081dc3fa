import { CustomerEventType, TICKET_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { applyToKeyedRows, KeyedRowsSpec } from '../rows/keyed-rows';
import { TicketRow } from './ticket.entity';
import {
  erasedTicketRow,
  evolveTicketRow,
  isRecordedTicketEvent,
  RecordedTicketEvent,
} from './ticket.evolve';

const ERASURE: CustomerEventType = 'CustomerPersonalDataErased';

const ticketRows: KeyedRowsSpec<TicketRow, RecordedTicketEvent> = {
  entity: TicketRow,
  key: 'id',
  canHandle: isRecordedTicketEvent,
  keyOf: (event) => event.data.ticketId,
  evolve: evolveTicketRow,
  lastRevisionOf: (row) => row.version - 1,
};

/**
 * Rule 23's tickets, one row each. A customer's erasure rewrites its tickets' free text to the
 * erased form: the events before it in the batch are applied first, those after it as recorded
 * (written erased by the store), as event by event.
 */
export const ticketsProjection = (): Projection => ({
  name: 'tickets',
  handles: [...TICKET_EVENT_TYPES, ERASURE],
  tables: ['tickets'],
  rebuild: { indexesReadOn: { [ERASURE]: ['tickets_by_customer'] } },
  async applyBatch(events, manager) {
    let pending: RecordedEvent[] = [];
    for (const event of events) {
      if (event.type !== ERASURE) {
        pending.push(event);
        continue;
      }
      await applyToKeyedRows(ticketRows, pending, manager);
      pending = [];
      await eraseTickets(manager, (event.data as { customerId: string }).customerId);
    }
    await applyToKeyedRows(ticketRows, pending, manager);
  },
});

async function eraseTickets(manager: EntityManager, customerId: string): Promise<void> {
  const tickets = manager.getRepository(TicketRow);
  const rows = await tickets.findBy({ customerId });
  if (rows.length > 0) await tickets.save(rows.map(erasedTicketRow));
}
