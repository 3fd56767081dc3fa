import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CUSTOMER_STREAM_PREFIX } from '@app/domain';
import { CommandEndpoint } from '../../auth/access.decorator';
import { CommandContext } from '@app/application';
import { Context } from '../../infrastructure/commands/command-context';
import { CommandOutcome } from '@app/application';
import { AnswerRebuiltFromStream } from '../../infrastructure/commands/recovered-answer';
import { CustomerFormDto } from '../customer-request.dto';
import { CustomerCommands } from '../customer-command.bus';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class EditCustomerController {
  constructor(private readonly commands: CustomerCommands) {}

  @Patch(':id')
  @HttpCode(200)
  @CommandEndpoint()
  @AnswerRebuiltFromStream(CUSTOMER_STREAM_PREFIX)
  @ApiOperation({
    summary: 'Edit any field of the customer form; the history keeps each field before and after',
  })
  @ApiOkResponse({ type: CommandOutcome })
  edit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: CustomerFormDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.commands.run('EditCustomer', id, form, context);
  }
}
