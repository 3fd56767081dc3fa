import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandEndpoint } from '../../auth/access.decorator';
import { Context } from '../../infrastructure/commands/command-context';
import { MigrationCreditRunDto } from '../billing-runs/billing-run.request.dto';
import { CommandContext, GrantMigrationCreditsCommand } from '@app/application';
import { MigrationCreditRunResultDto } from './migration-credit-run.response.dto';

/** Rule R10's mass credit run for tariff migrations under advance billing. */
@ApiTags('billing')
@ApiBearerAuth()
@Controller('billing')
export class MigrationCreditsController {
  constructor(private readonly bus: CommandBus) {}

  @Post('migration-credits')
  @CommandEndpoint()
  @ApiOperation({
    summary:
      'Grant the credit notes for the unused days of tariffs migrated mid-period (R10), at most once per migration',
  })
  @ApiCreatedResponse({ type: MigrationCreditRunResultDto })
  run(
    @Body() body: MigrationCreditRunDto,
    @Context() context: CommandContext,
  ): Promise<MigrationCreditRunResultDto> {
    return this.bus.execute(new GrantMigrationCreditsCommand(body, context));
  }
}
