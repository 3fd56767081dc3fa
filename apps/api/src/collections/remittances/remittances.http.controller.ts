import {
  Body,
  Controller,
  Get,
  Header,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { v4 as uuid } from 'uuid';
import {
  CommandContext,
  CreateRemittanceCommand,
  READ_MODELS,
  RemittanceOutcome,
} from '@app/application';
import { listRemittances, remittanceDetail } from '@app/read-models';
import { CommandEndpoint, QueryEndpoint } from '../../auth/access.decorator';
import { Context } from '../../infrastructure/commands/command-context';
import { ReadsProjections } from '../../infrastructure/queries/min-position.interceptor';
import { PagingDto } from '../../customers/queries/customer-list.query.dto';
import { attachmentNamed, remittanceDownloadOf } from './remittance-download';
import { RemittanceRequestDto } from './remittance.request.dto';
import {
  RemittanceDetailResponse,
  RemittanceOutcomeResponse,
  RemittancePageResponse,
} from './remittance.responses';

/** Rule 18: remittances of the effects due, and their SEPA Core Direct Debit files. */
@ApiTags('collections')
@ApiBearerAuth()
@Controller('collections/remittances')
export class RemittancesController {
  constructor(
    private readonly bus: CommandBus,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {}

  @Post()
  @CommandEndpoint()
  @ApiOperation({
    summary:
      'Remit the pending effects due by a day into one SEPA file (pain.008); lists those left out',
  })
  @ApiCreatedResponse({ type: RemittanceOutcomeResponse })
  create(
    @Body() body: RemittanceRequestDto,
    @Context() context: CommandContext,
  ): Promise<RemittanceOutcome> {
    return this.bus.execute(new CreateRemittanceCommand(uuid(), body, context));
  }

  @Get()
  @QueryEndpoint()
  @ReadsProjections()
  @ApiOperation({ summary: 'Remittances, newest collection date first' })
  @ApiOkResponse({ type: RemittancePageResponse })
  list(@Query() query: PagingDto) {
    return listRemittances(this.readModels, {
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 20,
    });
  }

  @Get(':id')
  @QueryEndpoint()
  @ReadsProjections()
  @ApiOperation({
    summary: 'A remittance with its transactions (IBANs masked) and the effects left out',
  })
  @ApiOkResponse({ type: RemittanceDetailResponse })
  async detail(@Param('id') id: string) {
    const remittance = await remittanceDetail(this.readModels, id);
    if (!remittance) throw new NotFoundException(`No remittance ${id}`);
    return remittance;
  }

  @Get(':id/pain.008.xml')
  @QueryEndpoint()
  @ReadsProjections()
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @ApiProduces('application/xml')
  @ApiOperation({ summary: 'The SEPA Core Direct Debit file to send to the bank' })
  @ApiOkResponse({ description: 'pain.008.001.08 (or .02) XML', schema: { type: 'string' } })
  async file(@Param('id') id: string, @Res({ passthrough: true }) res: Response) {
    const download = await remittanceDownloadOf(this.readModels, id);
    if (!download) throw new NotFoundException(`No remittance ${id}`);
    res.setHeader('Content-Disposition', attachmentNamed(download.fileName));
    return download.xml;
  }
}
