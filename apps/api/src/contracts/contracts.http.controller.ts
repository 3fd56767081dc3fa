import {
  Body,
  Controller,
  Delete,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { customerDecider, customerStream, DomainError } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { v4 as uuid } from 'uuid';
import { CommandEndpoint } from '../auth/access.decorator';
import { CommandContext } from '@app/application';
import { Context } from '../infrastructure/commands/command-context';
import { CommandOutcome } from '@app/application';
import { loadState } from '@app/application';
import { ContractCommands } from './contract-commands';
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
  constructor(
    private readonly commands: ContractCommands,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post()
  @CommandEndpoint()
  @ApiOperation({ summary: 'Draft a contract for an existing customer' })
  async draft(
    @Body() body: DraftContractDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    const customer = await loadState(this.store, customerStream(body.customerId), customerDecider);
    if (customer.status === 'unregistered') {
      throw new DomainError('CUSTOMER.NOT_FOUND', `No customer ${body.customerId}`);
    }
    if (customer.status === 'deleted') {
      throw new DomainError('CUSTOMER.DELETED', 'A deleted customer cannot get a new contract.');
    }
    return this.commands.run('DraftContract', uuid(), body, context);
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
    return this.commands.run('SignContract', id, body, context);
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
    return this.commands.run('ChangeSignatureIban', id, body, context);
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
    return this.commands.run('TerminateContract', id, body, context);
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
    return this.commands.run('DeleteContractDraft', id, {}, context);
  }
}
