import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Inject,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import type { Response } from 'express';
import { DataSource, In } from 'typeorm';
import { isCalendarDay, READ_MODELS, RunDunningCommand } from '@app/application';
import { dateInZone } from '@app/domain';
import { AGEING_BUCKETS, CustomerFileRow, debtAgeing, searchCustomers } from '@app/read-models';
import { CommandEndpoint, QueryEndpoint } from '../auth/access.decorator';
import { DunningRunDto } from '../collections/dunning-runs/dunning-run.request.dto';
import { Public } from '../http/public.decorator';
import { ConsoleCommandRunner } from './console-command-runner';
import { ConsoleExceptionFilter } from './console-exception.filter';
import { ConsoleRequest, frameOf } from './console-request';
import { ConsoleSessionGuard } from './console-session.guard';
import { ConsoleViews, PageFrame } from './console-views';

/** The customers the ageing table lists (most owed first); its totals count every one. */
export const AGEING_CUSTOMERS_SHOWN = 100;

/**
 * Dunning (rule R20): the overdue debt by age as the API's `GET /collections/ageing` reads it,
 * the customers the system suspended for debt, and, for admins and operators, the run of a
 * day sent as `POST /collections/dunning-runs` sends it (its refusals shown in the form).
 */
@ApiExcludeController()
@Public()
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleExceptionFilter)
@Controller('console/dunning')
export class ConsoleDunningController {
  constructor(
    private readonly views: ConsoleViews,
    private readonly commands: ConsoleCommandRunner,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {}

  @Get()
  @QueryEndpoint()
  async dunning(@Req() request: ConsoleRequest, @Query() query: Record<string, unknown>) {
    const frame = frameOf(request);
    const asOf = query.asOf ?? dateInZone(new Date().toISOString());
    if (!isCalendarDay(asOf))
      throw new BadRequestException(this.views.messages(frame.lang).operations.badDay);
    const ran = isCalendarDay(query.ran) ? query.ran : null;
    return this.page(frame, asOf, { ran, runAsOf: asOf, formError: null });
  }

  @Post('runs')
  @CommandEndpoint()
  async run(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const form = { asOf: body.asOf };
    const refusal = await this.commands.run(
      request,
      DunningRunDto,
      form,
      (valid, context) => new RunDunningCommand({ asOf: valid.asOf }, context),
    );
    if (refusal === null) {
      const asOf = encodeURIComponent(String(body.asOf));
      response.redirect(303, `/console/dunning?asOf=${asOf}&ran=${asOf}`);
      return;
    }
    const today = dateInZone(new Date().toISOString());
    const runAsOf = typeof body.asOf === 'string' ? body.asOf : '';
    const html = await this.page(frameOf(request), today, {
      ran: null,
      runAsOf,
      formError: refusal,
    });
    response.status(422).type('html').send(html);
  }

  private async page(
    frame: PageFrame,
    asOf: string,
    form: { ran: string | null; runAsOf: string; formError: string | null },
  ): Promise<string> {
    const ageing = await debtAgeing(this.readModels, asOf, { top: AGEING_CUSTOMERS_SHOWN });
    const shown = ageing.customers;
    const suspended = await searchCustomers(this.readModels, {
      disabledBySystem: true,
      pageSize: 100,
    });
    const t = this.views.messages(frame.lang).operations;
    return this.views.page('@dunning', frame, t.dunning, {
      ...form,
      asOf,
      ageing: { ...ageing, customers: shown },
      buckets: AGEING_BUCKETS,
      names: await this.namesOf(shown.map((customer) => customer.customerId)),
      suspended,
      canCommand: frame.session?.role === 'admin' || frame.session?.role === 'operator',
    });
  }

  /** The customers' display names, by id. */
  private async namesOf(customerIds: string[]): Promise<Record<string, string>> {
    const ids = customerIds.filter((id) => isUUID(id));
    if (ids.length === 0) return {};
    const rows = await this.readModels.getRepository(CustomerFileRow).find({
      select: { id: true, displayName: true },
      where: { id: In(ids) },
    });
    return Object.fromEntries(rows.map((row) => [row.id, row.displayName]));
  }
}
