import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { v4 as uuid } from 'uuid';
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
export class RegisterCustomerController {
  constructor(private readonly commands: CustomerCommands) {}

  @Post()
  @CommandEndpoint()
  @AnswerRebuiltFromStream(CUSTOMER_STREAM_PREFIX)
  @ApiOperation({
    summary: 'Register a customer (rules R1 person type, R2 unique e-mail, R3 document)',
  })
  @ApiCreatedResponse({ type: CommandOutcome })
  register(
    @Body() form: CustomerFormDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.commands.run('RegisterCustomer', uuid(), form, context);
  }
}
