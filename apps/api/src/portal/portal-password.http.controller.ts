import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CommandContext,
  PortalPasswordRegeneration,
  RegeneratePortalPasswordCommand,
} from '@app/application';
import { CommandEndpoint } from '../auth/access.decorator';
import { Context } from '../infrastructure/commands/command-context';

/** The customer list's "Regenerar contraseña" (rule 26): the password goes out by the sends. */
@ApiTags('portal')
@ApiBearerAuth()
@Controller('customers')
export class PortalPasswordController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/portal-password')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({
    summary:
      "Regenerate the customer's portal password and send it to its contact e-mail; only its salted hash is kept. 422 R26.NO_EMAIL without an e-mail",
  })
  @ApiOkResponse({ type: PortalPasswordRegeneration })
  regenerate(
    @Param('id', ParseUUIDPipe) id: string,
    @Context() context: CommandContext,
  ): Promise<PortalPasswordRegeneration> {
    return this.bus.execute(new RegeneratePortalPasswordCommand(id, context));
  }
}
