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
  AcceptEstimateCommand,
  CommandContext,
  CommandOutcome,
  CreateEstimateCommand,
  EstimateAcceptedOutcome,
  RejectEstimateCommand,
} from '@app/application';
import { ESTIMATE_STREAM_PREFIX } from '@app/domain';
import { CommandEndpoint } from '../auth/access.decorator';
import { Context } from '../infrastructure/commands/command-context';
import { AnswerRebuiltFromStream } from '../infrastructure/commands/recovered-answer';
import { AcceptEstimateDto, CreateEstimateDto, RejectEstimateDto } from './estimate-requests.dto';

/** Rule 29: estimates on the customer file, outstanding → accepted | rejected (or expired). */
@ApiTags('estimates')
@ApiBearerAuth()
@Controller()
export class EstimatesController {
  constructor(private readonly bus: CommandBus) {}

  @Post('customers/:id/estimates')
  @CommandEndpoint()
  @AnswerRebuiltFromStream(ESTIMATE_STREAM_PREFIX)
  @ApiOperation({
    summary: 'Quote an estimate to the customer: catalog tariffs and free lines; answers its id',
  })
  @ApiCreatedResponse({ type: CommandOutcome })
  create(
    @Param('id', ParseUUIDPipe) customerId: string,
    @Body() body: CreateEstimateDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new CreateEstimateCommand(uuid(), { ...body, customerId }, context));
  }

  @Post('estimates/:id/accept')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({
    summary:
      'The customer accepts: drafts the contract and requests one subscription per tariff unit at the quoted price',
  })
  @ApiOkResponse({ type: EstimateAcceptedOutcome })
  accept(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AcceptEstimateDto,
    @Context() context: CommandContext,
  ): Promise<EstimateAcceptedOutcome> {
    return this.bus.execute(new AcceptEstimateCommand(id, body, context));
  }

  @Post('estimates/:id/reject')
  @HttpCode(200)
  @CommandEndpoint()
  @AnswerRebuiltFromStream(ESTIMATE_STREAM_PREFIX)
  @ApiOperation({ summary: 'The customer declines the estimate' })
  @ApiOkResponse({ type: CommandOutcome })
  reject(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RejectEstimateDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new RejectEstimateCommand(id, body, context));
  }
}
