import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import { v4 as uuid } from 'uuid';
import {
  AssignTicketCommand,
  CloseTicketCommand,
  CommandContext,
  CommandOutcome,
  CommentOnTicketCommand,
  OpenTicketCommand,
  ReopenTicketCommand,
  ResolveTicketCommand,
  StartTicketCommand,
} from '@app/application';
import { TICKET_STREAM_PREFIX } from '@app/domain';
import { CommandEndpoint } from '../auth/access.decorator';
import { Context } from '../infrastructure/commands/command-context';
import { AnswerRebuiltFromStream } from '../infrastructure/commands/recovered-answer';
import { AssignTicketDto, CommentOnTicketDto, OpenTicketDto } from './ticket-requests.dto';
import { TicketCommentedResponse } from './ticket.responses';

/** Rule 23: tickets on the customer file, open → in progress → resolved → closed, reopened. */
@ApiTags('tickets')
@ApiBearerAuth()
@Controller()
export class TicketsController {
  constructor(private readonly bus: CommandBus) {}

  @Post('customers/:id/tickets')
  @CommandEndpoint()
  @AnswerRebuiltFromStream(TICKET_STREAM_PREFIX)
  @ApiOperation({ summary: 'Open a ticket for the customer; answers the ticket id as id' })
  @ApiCreatedResponse({ type: CommandOutcome })
  open(
    @Param('id', ParseUUIDPipe) customerId: string,
    @Body() body: OpenTicketDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new OpenTicketCommand(uuid(), { ...body, customerId }, context));
  }

  @Post('tickets/:id/assign')
  @HttpCode(200)
  @CommandEndpoint()
  @AnswerRebuiltFromStream(TICKET_STREAM_PREFIX)
  @ApiOperation({ summary: 'Hand the ticket to an operator (not when closed)' })
  @ApiOkResponse({ type: CommandOutcome })
  assign(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AssignTicketDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new AssignTicketCommand(id, body, context));
  }

  @Post('tickets/:id/comments')
  @CommandEndpoint()
  @ApiOperation({ summary: 'Comment on the ticket as the caller; answers its id as commentId' })
  @ApiCreatedResponse({ type: TicketCommentedResponse })
  async comment(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CommentOnTicketDto,
    @Context() context: CommandContext,
  ): Promise<TicketCommentedResponse> {
    const commentId = uuid();
    const outcome = await this.bus.execute(
      new CommentOnTicketCommand(id, { ...body, commentId }, context),
    );
    return { ...outcome, commentId };
  }

  @Post('tickets/:id/start')
  @HttpCode(200)
  @CommandEndpoint()
  @AnswerRebuiltFromStream(TICKET_STREAM_PREFIX)
  @ApiOperation({ summary: 'open → in progress' })
  @ApiOkResponse({ type: CommandOutcome })
  start(
    @Param('id', ParseUUIDPipe) id: string,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new StartTicketCommand(id, {}, context));
  }

  @Post('tickets/:id/resolve')
  @HttpCode(200)
  @CommandEndpoint()
  @AnswerRebuiltFromStream(TICKET_STREAM_PREFIX)
  @ApiOperation({ summary: 'in progress → resolved' })
  @ApiOkResponse({ type: CommandOutcome })
  resolve(
    @Param('id', ParseUUIDPipe) id: string,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new ResolveTicketCommand(id, {}, context));
  }

  @Post('tickets/:id/close')
  @HttpCode(200)
  @CommandEndpoint()
  @AnswerRebuiltFromStream(TICKET_STREAM_PREFIX)
  @ApiOperation({ summary: 'resolved → closed' })
  @ApiOkResponse({ type: CommandOutcome })
  close(
    @Param('id', ParseUUIDPipe) id: string,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new CloseTicketCommand(id, {}, context));
  }

  @Post('tickets/:id/reopen')
  @HttpCode(200)
  @CommandEndpoint()
  @AnswerRebuiltFromStream(TICKET_STREAM_PREFIX)
  @ApiOperation({ summary: 'resolved or closed → open' })
  @ApiOkResponse({ type: CommandOutcome })
  reopen(
    @Param('id', ParseUUIDPipe) id: string,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new ReopenTicketCommand(id, {}, context));
  }
}
