import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CUSTOMER_STREAM_PREFIX } from '@app/domain';
import { CommandBus } from '@nestjs/cqrs';
import { CommandEndpoint } from '../../auth/access.decorator';
import { CommandContext } from '@app/application';
import { Context } from '../../infrastructure/commands/command-context';
import { CommandOutcome, EditCustomerCommand } from '@app/application';
import { AnswerRebuiltFromStream } from '../../infrastructure/commands/recovered-answer';
import { CustomerFormDto } from '../customer-request.dto';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class EditCustomerController {
  constructor(private readonly bus: CommandBus) {}

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
    return this.bus.execute(new EditCustomerCommand(id, form, context));
  }
}
