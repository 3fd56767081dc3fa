import {
  Body,
  Controller,
  Delete,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import { v4 as uuid } from 'uuid';
import { CommandEndpoint } from '../auth/access.decorator';
import {
  CommandContext,
  CommandOutcome,
  ChangeSignatureIbanCommand,
  DeleteContractDraftCommand,
  DraftContractCommand,
  SignContractCommand,
  TerminateContractCommand,
} from '@app/application';
import { Context } from '../infrastructure/commands/command-context';
import {
  ChangeSignatureIbanDto,
  DraftContractDto,
  SignContractDto,
  TerminateContractDto,
} from './contract-requests.dto';

/** Contract signatures ("Firmas/Contratos"): the IBAN billing charges (rule R4). */
@ApiTags('contracts')
@ApiBearerAuth()
@Controller('contracts')
export class ContractsController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @CommandEndpoint()
  @ApiOperation({ summary: 'Draft a contract for an existing customer' })
  @ApiCreatedResponse({ type: CommandOutcome })
  draft(
    @Body() body: DraftContractDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new DraftContractCommand(uuid(), body, context));
  }

  @Post(':id/sign')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({ summary: 'Sign: the IBAN, mandate and signatory billing will use (R4)' })
  @ApiOkResponse({ type: CommandOutcome })
  sign(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SignContractDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new SignContractCommand(id, body, context));
  }

  @Put(':id/iban')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({
    summary: "Change the IBAN on the signature (the customer file's IBAN is left alone)",
  })
  @ApiOkResponse({ type: CommandOutcome })
  changeIban(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChangeSignatureIbanDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new ChangeSignatureIbanCommand(id, body, context));
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({ summary: 'Terminate a signed contract' })
  @ApiOkResponse({ type: CommandOutcome })
  terminate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TerminateContractDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new TerminateContractCommand(id, body, context));
  }

  @Delete(':id')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({ summary: 'Delete an unsigned draft (refused once signed)' })
  @ApiOkResponse({ type: CommandOutcome })
  delete(
    @Param('id', ParseUUIDPipe) id: string,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new DeleteContractDraftCommand(id, {}, context));
  }
}
