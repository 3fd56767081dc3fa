import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Query,
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
  CommandOutcome,
  DefineFormCommand,
  PublishFormVersionCommand,
  READ_MODELS,
  RetireFormCommand,
} from '@app/application';
import { FORM_STREAM_PREFIX } from '@app/domain';
import {
  formById,
  formVersionById,
  FormVersionView,
  FormView,
  listForms,
  Page,
} from '@app/read-models';
import { CommandEndpoint, QueryEndpoint } from '../auth/access.decorator';
import { Context } from '../infrastructure/commands/command-context';
import { AnswerRebuiltFromStream } from '../infrastructure/commands/recovered-answer';
import { FormDefinitionDto, FormListQueryDto } from './form-request.dto';
import { FormPageResponse, FormResponse, FormVersionResponse } from './form.responses';

/** Additional forms: the operators' definitions, versioned. */
@ApiTags('forms')
@ApiBearerAuth()
@Controller('forms')
export class FormsController {
  constructor(
    private readonly bus: CommandBus,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {}

  @Post()
  @CommandEndpoint()
  @AnswerRebuiltFromStream(FORM_STREAM_PREFIX)
  @ApiOperation({ summary: 'Define a form: its version 1 (name, fields, options, limits)' })
  @ApiCreatedResponse({ type: CommandOutcome })
  define(
    @Body() body: FormDefinitionDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new DefineFormCommand(uuid(), body, context));
  }

  @Post(':id/versions')
  @CommandEndpoint()
  @AnswerRebuiltFromStream(FORM_STREAM_PREFIX)
  @ApiOperation({
    summary:
      'Publish the whole definition as the next version: new fills use it, answers given under older versions keep theirs',
  })
  @ApiCreatedResponse({ type: CommandOutcome })
  publish(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FormDefinitionDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new PublishFormVersionCommand(id, body, context));
  }

  @Post(':id/retire')
  @HttpCode(200)
  @CommandEndpoint()
  @AnswerRebuiltFromStream(FORM_STREAM_PREFIX)
  @ApiOperation({ summary: 'Retire a form: no new fills or versions; what was filled stays' })
  @ApiOkResponse({ type: CommandOutcome })
  retire(
    @Param('id', ParseUUIDPipe) id: string,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new RetireFormCommand(id, context));
  }

  @Get()
  @QueryEndpoint()
  @ApiOperation({ summary: 'The forms, by name, with their current version; paged' })
  @ApiOkResponse({ type: FormPageResponse })
  list(@Query() query: FormListQueryDto): Promise<Page<FormView>> {
    const { status, ...paging } = query;
    return listForms(this.readModels, status === undefined ? {} : { status }, paging);
  }

  @Get(':id')
  @QueryEndpoint()
  @ApiOperation({ summary: 'One form: its current version and the list of its versions' })
  @ApiOkResponse({ type: FormResponse })
  async detail(@Param('id', ParseUUIDPipe) id: string): Promise<FormView> {
    const form = await formById(this.readModels, id);
    if (!form) throw new NotFoundException(`No form ${id}`);
    return form;
  }

  @Get(':id/versions/:n')
  @QueryEndpoint()
  @ApiOperation({ summary: 'One version of a form, as it was published' })
  @ApiOkResponse({ type: FormVersionResponse })
  async version(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('n', ParseIntPipe) n: number,
  ): Promise<FormVersionView> {
    const version = await formVersionById(this.readModels, id, n);
    if (!version) throw new NotFoundException(`Form ${id} has no version ${n}`);
    return version;
  }
}
