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
  CommandContext,
  CommandOutcome,
  LapseRenewableCommand,
  RegisterRenewableCommand,
  RenewRenewableCommand,
} from '@app/application';
import { RENEWABLE_STREAM_PREFIX } from '@app/domain';
import { CommandEndpoint } from '../auth/access.decorator';
import { Context } from '../infrastructure/commands/command-context';
import { AnswerRebuiltFromStream } from '../infrastructure/commands/recovered-answer';
import { RegisterRenewableDto, RenewRenewableDto } from './renewable-requests.dto';

/** Seed 003's renewables ("Renovables"): registered, renewed period by period, lapsed. */
@ApiTags('renewables')
@ApiBearerAuth()
@Controller()
export class RenewablesController {
  constructor(private readonly bus: CommandBus) {}

  @Post('customers/:id/renewables')
  @CommandEndpoint()
  @AnswerRebuiltFromStream(RENEWABLE_STREAM_PREFIX)
  @ApiOperation({ summary: 'Register a renewable product of the customer; answers its id as id' })
  @ApiCreatedResponse({ type: CommandOutcome })
  register(
    @Param('id', ParseUUIDPipe) customerId: string,
    @Body() body: RegisterRenewableDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new RegisterRenewableCommand(uuid(), { ...body, customerId }, context));
  }

  @Post('renewables/:id/renew')
  @HttpCode(200)
  @CommandEndpoint()
  @AnswerRebuiltFromStream(RENEWABLE_STREAM_PREFIX)
  @ApiOperation({ summary: 'Renew one period: the next renewal date moves on by one period' })
  @ApiOkResponse({ type: CommandOutcome })
  renew(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RenewRenewableDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new RenewRenewableCommand(id, body, context));
  }

  @Post('renewables/:id/lapse')
  @HttpCode(200)
  @CommandEndpoint()
  @AnswerRebuiltFromStream(RENEWABLE_STREAM_PREFIX)
  @ApiOperation({ summary: 'Stop it: it renews no more and leaves the to-do list' })
  @ApiOkResponse({ type: CommandOutcome })
  lapse(
    @Param('id', ParseUUIDPipe) id: string,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new LapseRenewableCommand(id, {}, context));
  }
}
