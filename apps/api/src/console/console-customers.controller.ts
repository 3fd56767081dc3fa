import {
  Body,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { v4 as uuid } from 'uuid';
import { READ_MODELS, RecordInteractionCommand } from '@app/application';
import { customerContracts, searchCustomers } from '@app/read-models';
import { CommandEndpoint } from '../auth/access.decorator';
import { Public } from '../http/public.decorator';
import { RecordInteractionDto } from '../customers/record-interaction/record-interaction.http.controller';
import { ConsoleCommandRunner } from './console-command-runner';
import { SUBSCRIPTION_MOVES, SubscriptionMove } from './subscription-moves';
import { ConsoleExceptionFilter } from './console-exception.filter';
import { ConsoleRequest, frameOf } from './console-request';
import { ConsoleSessionGuard } from './console-session.guard';
import { ConsoleViews } from './console-views';
import { ConsoleCustomerPages } from './console-customer-pages';
import { ADVANCED_FILTERS, listFiltersOf } from './customer-list-filters';
import { CustomerTab, isCustomerTab, TabSelection } from './console-customer-tabs';

const tabOf = (value: unknown): CustomerTab => (isCustomerTab(value) ? value : 'profile');

const selectionOf = (invoice: unknown): TabSelection =>
  typeof invoice === 'string' ? { invoice } : {};

const pageNumber = (value: unknown) => {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
};

/** The customer list and the customer file with its tabs, and the tabs' forms. */
@ApiExcludeController()
@Public()
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleExceptionFilter)
@Controller('console/customers')
export class ConsoleCustomersController {
  constructor(
    private readonly views: ConsoleViews,
    private readonly commands: ConsoleCommandRunner,
    private readonly pages: ConsoleCustomerPages,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {}

  @Get()
  async list(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const filters = await listFiltersOf(query);
    const page = filters.search
      ? await searchCustomers(this.readModels, {
          ...filters.search,
          page: pageNumber(query.page),
          pageSize: 25,
        })
      : null;
    const frame = frameOf(request);
    const title = this.views.messages(frame.lang).customers;
    const html = this.views.page('@customers', frame, title, {
      filters,
      fields: ADVANCED_FILTERS,
      page,
    });
    response
      .status(page ? 200 : 400)
      .type('html')
      .send(html);
  }

  @Get(':id')
  async file(
    @Req() request: ConsoleRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('tab') tab: unknown,
    @Query('invoice') invoice: unknown,
  ) {
    const file = await this.pages.fileOf(id);
    return this.pages.filePage(frameOf(request), file, tabOf(tab), selectionOf(invoice));
  }

  @Get(':id/tabs/:tab')
  async tab(
    @Req() request: ConsoleRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('tab') tab: string,
    @Query('invoice') invoice: unknown,
  ) {
    if (!isCustomerTab(tab)) throw new NotFoundException(`No tab ${tab}`);
    const file = await this.pages.fileOf(id);
    return this.pages.tab(frameOf(request), file, tab, selectionOf(invoice));
  }

  /** The interactions tab's form: the API's command, its refusals shown in the form. */
  @Post(':id/interactions')
  @CommandEndpoint()
  async recordInteraction(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const form = {
      kind: body.kind,
      text: body.text,
      ...(body.direction ? { direction: body.direction } : {}),
    };
    const refusal = await this.commands.run(
      request,
      RecordInteractionDto,
      form,
      (body, context) =>
        new RecordInteractionCommand(id, { ...body, interactionId: uuid() }, context),
    );
    await this.pages.answerForm(
      request,
      response,
      id,
      refusal,
      { tab: 'interactions', form },
      'history',
    );
  }

  /** The contracts tab's moves of a subscription, each the API's command for it. */
  @Post(':id/subscriptions/:subscriptionId/:move')
  @CommandEndpoint()
  async moveSubscription(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('subscriptionId', ParseUUIDPipe) subscriptionId: string,
    @Param('move') move: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const subscriptionMove = SUBSCRIPTION_MOVES[move as SubscriptionMove];
    if (!subscriptionMove) throw new NotFoundException(`No move ${move}`);
    const contracts = await customerContracts(this.readModels, id);
    const owned = contracts.some((contract) =>
      contract.subscriptions.some((subscription) => subscription.id === subscriptionId),
    );
    if (!owned) throw new NotFoundException(`No subscription ${subscriptionId} on this customer`);
    const form =
      typeof body.reason === 'string' && body.reason !== '' ? { reason: body.reason } : {};
    const refusal = await this.commands.run(request, subscriptionMove.dto, form, (valid, context) =>
      subscriptionMove.command(subscriptionId, valid, context),
    );
    await this.pages.answerForm(
      request,
      response,
      id,
      refusal,
      { tab: 'contracts', form },
      'contracts',
    );
  }
}
