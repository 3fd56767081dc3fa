import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandEndpoint } from '../../auth/access.decorator';
import { CommandContext } from '@app/application';
import { Context } from '../../infrastructure/commands/command-context';
import { MigrationCreditRunDto } from '../billing-runs/billing-run.request.dto';
import { MigrationCreditRunResult, MigrationCreditRunService } from '@app/application';

/** Rule R10's mass credit run for tariff migrations under advance billing. */
@ApiTags('billing')
@ApiBearerAuth()
@Controller('billing')
export class MigrationCreditsController {
  constructor(private readonly runs: MigrationCreditRunService) {}

  @Post('migration-credits')
  @CommandEndpoint()
  @ApiOperation({
    summary:
      'Grant the credit notes for the unused days of tariffs migrated mid-period (R10), at most once per migration',
  })
  run(
    @Body() body: MigrationCreditRunDto,
    @Context() context: CommandContext,
  ): Promise<MigrationCreditRunResult> {
    return this.runs.run(body, context);
  }
}
