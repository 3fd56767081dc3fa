export * from './ticket.entity';
export * from './ticket.evolve';
export * from './tickets.projection';
export * from './ticket.history-entries';
export * from './ticket.queries';

import { Projection } from '../projection';
import { TicketRow } from './ticket.entity';
import { ticketsProjection } from './tickets.projection';

export const ticketEntities = [TicketRow];

export const ticketProjections = (): Projection[] => [ticketsProjection()];
