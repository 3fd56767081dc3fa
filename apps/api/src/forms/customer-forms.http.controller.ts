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
  EditFormAnswersCommand,
  FillFormCommand,
  READ_MODELS,
} from '@app/application';
import { FILLED_FORM_STREAM_PREFIX } from '@app/domain';
import {
  customerFilledForms,
  filledFormById,
  FilledFormView,
  findCustomerFile,
  Page,
} from '@app/read-models';
import { CommandEndpoint, QueryEndpoint } from '../auth/access.decorator';
import { Context } from '../infrastructure/commands/command-context';
import { AnswerRebuiltFromStream } from '../infrastructure/commands/recovered-answer';
import { CustomerFormsQueryDto, EditFormAnswersDto, FillFormDto } from './form-request.dto';
import { FilledFormPageResponse, FilledFormResponse } from './form.responses';

/** The additional forms tab of the customer's file: fill a form, edit its answers, list them. */
@ApiTags('forms')
@ApiBearerAuth()
@Controller('customers')
export class CustomerFormsController {
  constructor(
    private readonly bus: CommandBus,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {}

  @Post(':id/forms/:formId')
  @CommandEndpoint()
  @AnswerRebuiltFromStream(FILLED_FORM_STREAM_PREFIX)
  @ApiOperation({
    summary:
      'Fill a form for the customer with its current version (or `version`); answers checked against that version',
  })
  @ApiCreatedResponse({ type: CommandOutcome })
  fill(
    @Param('id', ParseUUIDPipe) customerId: string,
    @Param('formId', ParseUUIDPipe) formId: string,
    @Body() body: FillFormDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    const data = { answers: body.answers, version: body.version ?? null };
    return this.bus.execute(new FillFormCommand(uuid(), customerId, formId, data, context));
  }

  @Patch(':id/forms/:filledId')
  @HttpCode(200)
  @CommandEndpoint()
  @AnswerRebuiltFromStream(FILLED_FORM_STREAM_PREFIX)
  @ApiOperation({
    summary:
      'Edit answers of a filled form (null clears one), checked against the version it was filled with',
  })
  @ApiOkResponse({ type: CommandOutcome })
  edit(
    @Param('id', ParseUUIDPipe) customerId: string,
    @Param('filledId', ParseUUIDPipe) filledId: string,
    @Body() body: EditFormAnswersDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    const data = { answers: body.answers };
    return this.bus.execute(new EditFormAnswersCommand(filledId, customerId, data, context));
  }

  @Get(':id/forms')
  @QueryEndpoint()
  @ApiOperation({
    summary:
      'The additional forms tab: each filled form with its answers under the labels of its version; newest first, paged',
  })
  @ApiOkResponse({ type: FilledFormPageResponse })
  async list(
    @Param('id', ParseUUIDPipe) customerId: string,
    @Query() query: CustomerFormsQueryDto,
  ): Promise<Page<FilledFormView>> {
    if (!(await findCustomerFile(this.readModels, customerId)))
      throw new NotFoundException(`No customer ${customerId}`);
    const { formId, ...paging } = query;
    return customerFilledForms(
      this.readModels,
      customerId,
      formId === undefined ? {} : { formId },
      paging,
    );
  }

  @Get(':id/forms/:filledId')
  @QueryEndpoint()
  @ApiOperation({ summary: 'One filled form of the customer' })
  @ApiOkResponse({ type: FilledFormResponse })
  async detail(
    @Param('id', ParseUUIDPipe) customerId: string,
    @Param('filledId', ParseUUIDPipe) filledId: string,
  ): Promise<FilledFormView> {
    const filled = await filledFormById(this.readModels, customerId, filledId);
    if (!filled)
      throw new NotFoundException(`No filled form ${filledId} for customer ${customerId}`);
    return filled;
  }
}
