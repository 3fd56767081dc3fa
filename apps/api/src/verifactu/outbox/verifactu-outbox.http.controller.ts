import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { READ_MODELS } from '@app/application';
import { listVerifactuOutbox } from '@app/read-models';
import { QueryEndpoint } from '../../auth/access.decorator';
import { ReadsProjections } from '../../infrastructure/queries/min-position.interceptor';
import { VerifactuOutboxQueryDto } from './verifactu-outbox.query.dto';
import { VerifactuOutboxPageResponse } from './verifactu-outbox.responses';

/** Rule 22: where each chain record's submission to AEAT stands. */
@ApiTags('verifactu')
@ApiBearerAuth()
@Controller('verifactu/outbox')
export class VerifactuOutboxController {
  constructor(@Inject(READ_MODELS) private readonly readModels: DataSource) {}

  @Get()
  @QueryEndpoint()
  @ReadsProjections()
  @ApiOperation({
    summary:
      'VERI*FACTU records and their submission to AEAT: pending, sent, accepted, rejected (with AEAT’s code) or error',
  })
  @ApiOkResponse({ type: VerifactuOutboxPageResponse })
  list(@Query() query: VerifactuOutboxQueryDto) {
    return listVerifactuOutbox(this.readModels, {
      status: query.status,
      issuerId: query.issuerId,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 20,
    });
  }
}
