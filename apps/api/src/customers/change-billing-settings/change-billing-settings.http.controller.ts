import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandEndpoint } from '../../auth/access.decorator';
import { CommandContext } from '@app/application';
import { Context } from '../../infrastructure/commands/command-context';
import { CommandOutcome } from '@app/application';
import { CustomerCommands } from '../customer-command.bus';
import { BillingSettingsDto } from './billing-settings.request.dto';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class ChangeBillingSettingsController {
  constructor(private readonly commands: CustomerCommands) {}

  @Put(':id/billing-settings')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({ summary: 'Change the billing tab (billing day R11, IBAN checked R4)' })
  @ApiOkResponse({ type: CommandOutcome })
  change(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() settings: BillingSettingsDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.commands.run('ChangeBillingSettings', id, settings, context);
  }
}
