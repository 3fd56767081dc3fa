import {
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { READ_MODELS } from '@app/application';
import {
  customerTickets,
  findCustomerFile,
  Page,
  ticketById,
  TicketListItem,
  ticketQueue,
  TicketView,
} from '@app/read-models';
import { QueryEndpoint } from '../auth/access.decorator';
import { CustomerTicketsQueryDto, TicketQueueQueryDto } from './ticket-requests.dto';
import { TicketPageResponse, TicketResponse } from './ticket.responses';

/** The customer's tickets tab, the operators' queue, and one ticket with its comments. */
@ApiTags('tickets')
@ApiBearerAuth()
@Controller()
export class TicketQueriesController {
  constructor(@Inject(READ_MODELS) private readonly readModels: DataSource) {}

  @Get('customers/:id/tickets')
  @QueryEndpoint()
  @ApiOperation({
    summary: "The customer's tickets, newest first; state=open (not closed yet) or closed",
  })
  @ApiOkResponse({ type: TicketPageResponse })
  async ofCustomer(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: CustomerTicketsQueryDto,
  ): Promise<Page<TicketListItem>> {
    if (!(await findCustomerFile(this.readModels, id)))
      throw new NotFoundException(`No customer ${id}`);
    return customerTickets(this.readModels, id, query);
  }

  @Get('tickets')
  @QueryEndpoint()
  @ApiOperation({
    summary: 'The ticket queue, oldest first; filters state, assignee, category, priority',
  })
  @ApiOkResponse({ type: TicketPageResponse })
  queue(@Query() query: TicketQueueQueryDto): Promise<Page<TicketListItem>> {
    return ticketQueue(this.readModels, query);
  }

  @Get('tickets/:id')
  @QueryEndpoint()
  @ApiOperation({ summary: 'One ticket with its description and comments' })
  @ApiOkResponse({ type: TicketResponse })
  async detail(@Param('id', ParseUUIDPipe) id: string): Promise<TicketView> {
    const ticket = await ticketById(this.readModels, id);
    if (!ticket) throw new NotFoundException(`No ticket ${id}`);
    return ticket;
  }
}
