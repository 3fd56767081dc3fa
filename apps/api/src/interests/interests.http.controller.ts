import {
  Body,
  Controller,
  Delete,
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
  ApiBody,
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
  EditInterestCommand,
  READ_MODELS,
  RecordInterestCommand,
  RemoveInterestCommand,
} from '@app/application';
import { customerInterests, CustomerInterestView, findCustomerFile, Page } from '@app/read-models';
import { CommandEndpoint, QueryEndpoint } from '../auth/access.decorator';
import { PagingDto } from '../customers/queries/customer-list.query.dto';
import { Context } from '../infrastructure/commands/command-context';
import { EditInterestDto, RecordInterestDto } from './interest-requests.dto';
import { InterestPageResponse, InterestRecordedResponse } from './interest.responses';

/** Product as text or tariff, contact by id or by name: one of each, never both. */
const INTEREST_EXAMPLES = {
  text: {
    summary: 'A product as text, shown by a free name',
    value: { product: 'Fibra 1 Gb + TV', contactName: 'Luis', shownOn: '2026-03-02', notes: null },
  },
  tariff: {
    summary: 'A catalog tariff, shown by one of the contacts',
    value: {
      tariffId: '5b7d9f1a-3c5e-4a7b-9d1f-3a5c7e9b1d3f',
      contactId: '1a3c5e7a-9c1e-4a3c-8e7a-9c1e3a5c7e9a',
      notes: 'Call in the afternoon',
    },
  },
};

/** Seed 003's interests tab: products the customer showed interest in, on the customer's stream. */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class InterestsController {
  constructor(
    private readonly bus: CommandBus,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {}

  @Post(':id/interests')
  @CommandEndpoint()
  @ApiOperation({ summary: 'Record a product of interest; answers its id as interestId' })
  @ApiBody({ type: RecordInterestDto, examples: INTEREST_EXAMPLES })
  @ApiCreatedResponse({ type: InterestRecordedResponse })
  async record(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecordInterestDto,
    @Context() context: CommandContext,
  ): Promise<InterestRecordedResponse> {
    const interestId = uuid();
    const outcome = await this.bus.execute(
      new RecordInterestCommand(id, interestId, body, context),
    );
    return { ...outcome, interestId };
  }

  @Patch(':id/interests/:interestId')
  @CommandEndpoint()
  @ApiOperation({ summary: 'Edit an interest: the fields given, each before/after in the history' })
  @ApiBody({ type: EditInterestDto, examples: INTEREST_EXAMPLES })
  @ApiOkResponse({ type: CommandOutcome })
  edit(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('interestId', ParseUUIDPipe) interestId: string,
    @Body() body: EditInterestDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new EditInterestCommand(id, interestId, body, context));
  }

  @Delete(':id/interests/:interestId')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({ summary: 'Remove an interest' })
  @ApiOkResponse({ type: CommandOutcome })
  remove(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('interestId', ParseUUIDPipe) interestId: string,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new RemoveInterestCommand(id, interestId, {}, context));
  }

  @Get(':id/interests')
  @QueryEndpoint()
  @ApiOperation({ summary: "The customer's interests, latest shown first, paged" })
  @ApiOkResponse({ type: InterestPageResponse })
  async list(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PagingDto,
  ): Promise<Page<CustomerInterestView>> {
    if (!(await findCustomerFile(this.readModels, id)))
      throw new NotFoundException(`No customer ${id}`);
    return customerInterests(this.readModels, id, query);
  }
}
