import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import { CommandEndpoint } from '../../auth/access.decorator';
import { CommandContext } from '@app/application';
import { Context } from '../../infrastructure/commands/command-context';
import { CommandOutcome, ChangeBillingSettingsCommand } from '@app/application';
import { BillingSettingsDto } from './billing-settings.request.dto';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class ChangeBillingSettingsController {
  constructor(private readonly bus: CommandBus) {}

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
    return this.bus.execute(new ChangeBillingSettingsCommand(id, settings, context));
  }
}
