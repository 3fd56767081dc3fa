import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandContext, DunningRunResult, RunDunningCommand } from '@app/application';
import { CommandEndpoint } from '../../auth/access.decorator';
import { Context } from '../../infrastructure/commands/command-context';
import { DunningRunDto } from './dunning-run.request.dto';
import { DunningRunResponse } from './dunning-run.response';

/** Dunning ("estado automático", rule R20): the daily run, idempotent per day. */
@ApiTags('collections')
@ApiBearerAuth()
@Controller('collections')
export class DunningRunsController {
  constructor(private readonly bus: CommandBus) {}

  @Post('dunning-runs')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({
    summary:
      'Apply the dunning steps due on asOf (7 reminder, 15 warning, 30 suspend, 90 cancel); resume what the system suspended once nothing is overdue. Running the same day again writes nothing',
  })
  @ApiOkResponse({ type: DunningRunResponse })
  run(@Body() body: DunningRunDto, @Context() context: CommandContext): Promise<DunningRunResult> {
    return this.bus.execute(new RunDunningCommand({ asOf: body.asOf }, context));
  }
}
