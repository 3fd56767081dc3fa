import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { v4 as uuid } from 'uuid';
import { CUSTOMER_STREAM_PREFIX } from '@app/domain';
import { CommandBus } from '@nestjs/cqrs';
import { CommandEndpoint } from '../../auth/access.decorator';
import { CommandContext } from '@app/application';
import { Context } from '../../infrastructure/commands/command-context';
import { CommandOutcome, RegisterCustomerCommand } from '@app/application';
import { AnswerRebuiltFromStream } from '../../infrastructure/commands/recovered-answer';
import { CustomerFormDto } from '../customer-request.dto';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class RegisterCustomerController {
  constructor(private readonly bus: CommandBus) {}

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
    return this.bus.execute(new RegisterCustomerCommand(uuid(), form, context));
  }
}
