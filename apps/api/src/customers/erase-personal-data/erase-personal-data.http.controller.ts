import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import { CommandEndpoint } from '../../auth/access.decorator';
import { CommandContext } from '@app/application';
import { Context } from '../../infrastructure/commands/command-context';
import { CommandOutcome, EraseCustomerPersonalDataCommand } from '@app/application';

/**
 * GDPR erasure: appends `CustomerPersonalDataErased`, on which the event store destroys the
 * customer's key; the log stays as it was, its personal fields unreadable from then on.
 */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class ErasePersonalDataController {
  constructor(private readonly bus: CommandBus) {}

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
    return this.bus.execute(new EraseCustomerPersonalDataCommand(id, context));
  }
}
