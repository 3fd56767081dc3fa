import {
  Controller,
  Get,
  Header,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { READ_MODELS } from '@app/application';
import { dateInZone } from '@app/domain';
import { listRemittances, remittanceDetail } from '@app/read-models';
import { QueryEndpoint } from '../auth/access.decorator';
import {
  attachmentNamed,
  remittanceDownloadOf,
} from '../collections/remittances/remittance-download';
import { Public } from '../http/public.decorator';
import { ConsoleExceptionFilter } from './console-exception.filter';
import { ConsoleRequest, frameOf } from './console-request';
import { ConsoleSessionGuard } from './console-session.guard';
import { ConsoleViews } from './console-views';

const REMITTANCES_PER_PAGE = 25;

const pageNumber = (value: unknown) => {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
};

/**
 * SEPA remittances (rule 18) as the API's `GET /collections/remittances` reads them: the list,
 * one remittance with its transactions (IBANs masked) and the effects left out, and its
 * pain.008 file, the same bytes the API sends. Every role reads them, as in the API.
 */
@ApiExcludeController()
@Public()
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleExceptionFilter)
@Controller('console/remittances')
export class ConsoleRemittancesController {
  constructor(
    private readonly views: ConsoleViews,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {}

  @Get()
  @QueryEndpoint()
  async list(@Req() request: ConsoleRequest, @Query('page') page: unknown) {
    const listed = await listRemittances(this.readModels, {
      page: pageNumber(page),
      pageSize: REMITTANCES_PER_PAGE,
    });
    const frame = frameOf(request);
    return this.views.page(
      '@remittances',
      frame,
      this.views.messages(frame.lang).operations.remittances,
      {
        page: listed,
        today: dateInZone(new Date().toISOString()),
      },
    );
  }

  @Get(':id')
  @QueryEndpoint()
  async detail(@Req() request: ConsoleRequest, @Param('id', ParseUUIDPipe) id: string) {
    const remittance = await remittanceDetail(this.readModels, id);
    if (!remittance) throw new NotFoundException(`No remittance ${id}`);
    const frame = frameOf(request);
    const t = this.views.messages(frame.lang).operations;
    return this.views.page('@remittance', frame, `${t.remittance} ${remittance.collectionDate}`, {
      remittance,
      today: dateInZone(new Date().toISOString()),
    });
  }

  @Get(':id/pain.008.xml')
  @QueryEndpoint()
  @Header('Content-Type', 'application/xml; charset=utf-8')
  async file(
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const download = await remittanceDownloadOf(this.readModels, id);
    if (!download) throw new NotFoundException(`No remittance ${id}`);
    response.setHeader('Content-Disposition', attachmentNamed(download.fileName));
    return download.xml;
  }
}
