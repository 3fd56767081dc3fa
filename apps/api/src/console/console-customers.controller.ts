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
import { INTERACTION_DIRECTIONS, INTERACTION_KINDS } from '@app/domain';
import {
  customerContracts,
  customerHistory,
  customerInteractions,
  CustomerFile,
  findCustomerFile,
  searchCustomers,
} from '@app/read-models';
import { CommandEndpoint } from '../auth/access.decorator';
import { Public } from '../http/public.decorator';
import { RecordInteractionDto } from '../customers/record-interaction/record-interaction.http.controller';
import { ConsoleCommandRunner } from './console-command-runner';
import { movesFrom, SUBSCRIPTION_MOVES, SubscriptionMove } from './subscription-moves';
import { ConsoleExceptionFilter } from './console-exception.filter';
import { ConsoleRequest, frameOf, isHtmx } from './console-request';
import { ConsoleSessionGuard } from './console-session.guard';
import { ConsoleViews, PageFrame } from './console-views';

export const CUSTOMER_TABS = [
  'profile',
  'addresses',
  'contacts',
  'contracts',
  'interactions',
  'history',
] as const;
type CustomerTab = (typeof CUSTOMER_TABS)[number];

const tabOf = (value: unknown): CustomerTab =>
  CUSTOMER_TABS.includes(value as CustomerTab) ? (value as CustomerTab) : 'profile';

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
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {}

  @Get()
  async list(@Req() request: ConsoleRequest, @Query() query: Record<string, unknown>) {
    const q = typeof query.q === 'string' ? query.q.slice(0, 200) : '';
    const page = await searchCustomers(this.readModels, {
      ...(q.trim() ? { q: q.trim() } : {}),
      page: pageNumber(query.page),
      pageSize: 25,
    });
    const frame = frameOf(request);
    const title = this.views.messages(frame.lang).customers;
    return this.views.page('@customers', frame, title, { q, page });
  }

  @Get(':id')
  async file(
    @Req() request: ConsoleRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('tab') tab: unknown,
  ) {
    const frame = frameOf(request);
    const file = await this.fileOf(id);
    const chosen = tabOf(tab);
    return this.fileHtml(frame, file, chosen, await this.renderTab(frame, file, chosen, {}));
  }

  @Get(':id/tabs/:tab')
  async tab(
    @Req() request: ConsoleRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('tab') tab: string,
  ) {
    if (!CUSTOMER_TABS.includes(tab as CustomerTab)) throw new NotFoundException();
    const frame = frameOf(request);
    return this.renderTab(frame, await this.fileOf(id), tabOf(tab), {});
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
    await this.answerForm(request, response, id, refusal, { tab: 'interactions', form }, 'history');
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
    await this.answerForm(request, response, id, refusal, { tab: 'contracts', form }, 'contracts');
  }

  /**
   * After a form: a refusal shows in its tab with the input kept (422 for a page; 200 for an
   * htmx fragment, the refusal inside it, so the browser logs no failed request); success goes
   * to `then` (htmx follows HX-Redirect with a whole page load, so the tabs' nav follows).
   */
  private async answerForm(
    request: ConsoleRequest,
    response: Response,
    id: string,
    refusal: string | null,
    shown: { tab: CustomerTab; form: object },
    then: CustomerTab,
  ): Promise<void> {
    if (refusal) {
      const frame = frameOf(request);
      const file = await this.fileOf(id);
      const extra = { formError: refusal, form: shown.form };
      const html = await this.renderTab(frame, file, shown.tab, extra);
      if (isHtmx(request)) response.status(200).type('html').send(html);
      else
        response
          .status(422)
          .type('html')
          .send(this.fileHtml(frame, file, shown.tab, html));
      return;
    }
    const next = `/console/customers/${id}?tab=${then}`;
    if (isHtmx(request)) response.setHeader('HX-Redirect', next).status(204).end();
    else response.redirect(303, next);
  }

  private fileHtml(frame: PageFrame, file: CustomerFile, tab: CustomerTab, tabBody: string) {
    return this.views.page('@customer', frame, file.displayName, {
      file,
      tab,
      tabs: CUSTOMER_TABS.map((id) => ({ id, label: this.views.messages(frame.lang)[id] })),
      tabBody,
      canAudit: frame.session?.role !== 'operator',
    });
  }

  private async fileOf(id: string): Promise<CustomerFile> {
    const file = await findCustomerFile(this.readModels, id);
    if (!file) throw new NotFoundException(`No customer ${id}`);
    return file;
  }

  private async renderTab(
    frame: PageFrame,
    file: CustomerFile,
    tab: CustomerTab,
    extra: { formError?: string; form?: object },
  ): Promise<string> {
    const canCommand = frame.session?.role === 'admin' || frame.session?.role === 'operator';
    const data: Record<string, unknown> = { file, canCommand, form: {}, formError: null, ...extra };
    if (tab === 'interactions') {
      data.interactions = await customerInteractions(this.readModels, file.id, { pageSize: 50 });
      data.kinds = INTERACTION_KINDS;
      data.directions = INTERACTION_DIRECTIONS;
    }
    if (tab === 'contracts') {
      data.contracts = await customerContracts(this.readModels, file.id);
      data.moves = movesFrom;
    }
    if (tab === 'history')
      data.history = await customerHistory(this.readModels, file.id, { pageSize: 50 });
    return this.views.fragment(`@tab-${tab}`, frame, data);
  }
}
