import { Module } from '@nestjs/common';
import { ticketApplicationProviders } from '@app/application';
import { TicketQueriesController } from './ticket-queries.http.controller';
import { TicketsController } from './tickets.http.controller';

@Module({
  controllers: [TicketsController, TicketQueriesController],
  providers: ticketApplicationProviders,
})
export class TicketsModule {}
