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
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { v4 as uuid } from 'uuid';
import {
  CommandOutcome,
  ProjectionProgress,
  READ_MODELS,
  RecordInteractionCommand,
} from '@app/application';
import { INTERACTION_DIRECTIONS, INTERACTION_KINDS } from '@app/domain';
import {
  customerHistory,
  customerInteractions,
  CustomerFile,
  findCustomerFile,
  searchCustomers,
} from '@app/read-models';
import { CommandEndpoint } from '../auth/access.decorator';
import { ErrorResponseFilter } from '../http/error-response.filter';
import { Public } from '../http/public.decorator';
import { RecordInteractionDto } from '../customers/record-interaction/record-interaction.http.controller';
import { consoleCommandContext } from './console-command-context';
import { ConsoleExceptionFilter } from './console-exception.filter';
import { formProblems } from './console-form';
import { ConsoleRequest, frameOf, isHtmx } from './console-request';
import { ConsoleSessionGuard } from './console-session.guard';
import { ConsoleViews, PageFrame } from './console-views';

const API_ERRORS = new ErrorResponseFilter();

export const CUSTOMER_TABS = [
  'profile',
  'addresses',
  'contacts',
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
    private readonly bus: CommandBus,
    private readonly progress: ProjectionProgress,
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
    return this.html(frame, '@customers', this.views.messages(frame.lang).customers, { q, page });
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
    const tabBody = await this.renderTab(frame, file, chosen, {});
    return this.html(frame, '@customer', file.displayName, {
      file,
      tab: chosen,
      tabs: CUSTOMER_TABS.map((id) => ({ id, label: this.views.messages(frame.lang)[id] })),
      tabBody,
      canAudit: frame.session?.role !== 'operator',
    });
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
    const frame = frameOf(request);
    const form = {
      kind: body.kind,
      text: body.text,
      ...(body.direction ? { direction: body.direction } : {}),
    };
    const problems = await formProblems(RecordInteractionDto, form);
    let refusal = problems;
    if (!refusal) {
      try {
        const outcome: CommandOutcome = await this.bus.execute(
          new RecordInteractionCommand(
            id,
            { ...(form as unknown as RecordInteractionDto), interactionId: uuid() },
            consoleCommandContext(request),
          ),
        );
        if (outcome.position !== null) await this.progress.waitFor(BigInt(outcome.position));
      } catch (error) {
        // Classified as the API answers it: a refusal (4xx) is shown in the form, the rest
        // (a lost database, a fault) goes to the error page.
        const answer = API_ERRORS.toResponse(error);
        if (answer.statusCode >= 500) throw error;
        refusal = answer.message;
      }
    }
    if (refusal) {
      const file = await this.fileOf(id);
      const html = await this.renderTab(frame, file, 'interactions', {
        formError: refusal,
        form,
      });
      // A whole page says 422; htmx gets its fragment as 200, the refusal inside it, so the
      // browser logs no failed request and htmx swaps it in without special handling.
      if (isHtmx(request)) response.status(200).type('html').send(html);
      else
        response
          .status(422)
          .type('html')
          .send(this.fileHtml(frame, file, 'interactions', html));
      return;
    }
    const historyTab = `/console/customers/${id}?tab=history`;
    // htmx follows HX-Redirect with a whole page load, so the tabs' nav shows History too.
    if (isHtmx(request)) response.setHeader('HX-Redirect', historyTab).status(204).end();
    else response.redirect(303, historyTab);
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
    if (tab === 'history')
      data.history = await customerHistory(this.readModels, file.id, { pageSize: 50 });
    return this.views.fragment(`@tab-${tab}`, frame, data);
  }

  private html(frame: PageFrame, name: string, title: string, data: object): string {
    return this.views.page(name, frame, title, data);
  }
}
