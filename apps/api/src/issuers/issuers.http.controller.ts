import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { v4 as uuid } from 'uuid';
import {
  CommandContext,
  APP_CONFIG,
  AppConfig,
  CommandOutcome,
  EditIssuerCommand,
  ListedIssuer,
  listedIssuers,
  READ_MODELS,
  RegisterIssuerCommand,
} from '@app/application';
import { ISSUER_STREAM_PREFIX } from '@app/domain';
import { issuerById } from '@app/read-models';
import { CommandEndpoint, QueryEndpoint } from '../auth/access.decorator';
import { Context } from '../infrastructure/commands/command-context';
import { AnswerRebuiltFromStream } from '../infrastructure/commands/recovered-answer';
import { EditIssuerDto, RegisterIssuerDto } from './issuer-request.dto';
import { IssuerResponse } from './issuer.responses';

/** Rule 21: the issuers ("razones sociales") invoices are issued by, and the series they own. */
@ApiTags('issuers')
@ApiBearerAuth()
@Controller('issuers')
export class IssuersController {
  constructor(
    private readonly bus: CommandBus,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @CommandEndpoint()
  @AnswerRebuiltFromStream(ISSUER_STREAM_PREFIX)
  @ApiOperation({
    summary: 'Register an issuer: legal name, NIF, address, SEPA creditor, fee, policy, series',
  })
  @ApiCreatedResponse({ type: CommandOutcome })
  register(
    @Body() body: RegisterIssuerDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new RegisterIssuerCommand(uuid(), body, context));
  }

  @Patch(':id')
  @HttpCode(200)
  @CommandEndpoint()
  @AnswerRebuiltFromStream(ISSUER_STREAM_PREFIX)
  @ApiOperation({ summary: 'Edit an issuer (not its NIF); the history keeps before and after' })
  @ApiOkResponse({ type: CommandOutcome })
  edit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EditIssuerDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new EditIssuerCommand(id, body, context));
  }

  @Get()
  @QueryEndpoint()
  @ApiOperation({
    summary:
      'The registered issuers, oldest first; with none registered, the configured default invoices use',
  })
  @ApiOkResponse({ type: [IssuerResponse] })
  list(): Promise<ListedIssuer[]> {
    return listedIssuers(this.readModels, this.config);
  }

  @Get(':id')
  @QueryEndpoint()
  @ApiOperation({ summary: 'One registered issuer' })
  @ApiOkResponse({ type: IssuerResponse })
  async detail(@Param('id', ParseUUIDPipe) id: string): Promise<ListedIssuer> {
    const issuer = await issuerById(this.readModels, id);
    if (!issuer) throw new NotFoundException(`No issuer ${id}`);
    return { ...issuer, source: 'registered' };
  }
}
