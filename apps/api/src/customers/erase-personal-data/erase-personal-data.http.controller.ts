import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { personalDataErasureBlockers } from '@app/domain';
import { CommandEndpoint } from '../../auth/access.decorator';
import { CommandContext } from '@app/application';
import { Context } from '../../infrastructure/commands/command-context';
import { CommandOutcome } from '@app/application';
import { CustomerCommands } from '../customer-command.bus';
import { CustomerDeletionFactsReader } from '../lifecycle/deletion-facts';

/**
 * GDPR erasure: appends `CustomerPersonalDataErased`, on which the event store destroys the
 * customer's key; the log stays as it was, its personal fields unreadable from then on.
 */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class ErasePersonalDataController {
  constructor(
    private readonly commands: CustomerCommands,
    private readonly facts: CustomerDeletionFactsReader,
  ) {}

  @Post(':id/erase-personal-data')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({
    summary:
      "Erase a customer's personal data (crypto-shredding); 422 ERASURE.RETENTION_REQUIRED while invoices are unpaid or subscriptions live",
  })
  @ApiOkResponse({ type: CommandOutcome })
  erase(
    @Param('id', ParseUUIDPipe) id: string,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.commands.run(
      'EraseCustomerPersonalData',
      id,
      async () => ({
        blockers: personalDataErasureBlockers(await this.facts.erasureFactsFor(id)),
      }),
      context,
    );
  }
}
