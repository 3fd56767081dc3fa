import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandEndpoint } from '../../auth/access.decorator';
import { Context } from '../../infrastructure/commands/command-context';
import { BillingRunDto } from './billing-run.request.dto';
import { CommandContext, RunBillingCommand } from '@app/application';
import { BillingRunResultDto } from './billing-run.response.dto';

/** Billing runs (rules R7, R8): one invoice per billable contract for the period. */
@ApiTags('billing')
@ApiBearerAuth()
@Controller('billing')
export class BillingRunsController {
  constructor(private readonly bus: CommandBus) {}

  @Post('runs')
  @CommandEndpoint()
  @ApiOperation({
    summary:
      'Issue the invoices of a period; running it again issues nothing new. Answers the invoices issued and the problems met',
  })
  @ApiCreatedResponse({ type: BillingRunResultDto })
  run(
    @Body() body: BillingRunDto,
    @Context() context: CommandContext,
  ): Promise<BillingRunResultDto> {
    return this.bus.execute(new RunBillingCommand(body, context));
  }
}
