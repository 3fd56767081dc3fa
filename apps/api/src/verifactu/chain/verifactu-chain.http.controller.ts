import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { IssuerChainVerification, READ_MODELS, VerifactuChainVerification } from '@app/application';
import { chainRecordsOf, ChainRecordPage } from '@app/read-models';
import { QueryEndpoint } from '../../auth/access.decorator';
import { PagingDto } from '../../customers/queries/customer-list.query.dto';
import { ReadsProjections } from '../../infrastructure/queries/min-position.interceptor';
import { ChainRecordPageResponse, ChainVerificationResponse } from './verifactu-chain.responses';

/**
 * Rule 22's record chain of an issuer: its records (read model) and its verification (from the
 * log). An issuer with no records answers an empty chain.
 */
@ApiTags('verifactu')
@ApiBearerAuth()
@Controller('verifactu/issuers/:id/chain')
export class VerifactuChainController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    private readonly verification: VerifactuChainVerification,
  ) {}

  @Get()
  @QueryEndpoint()
  @ReadsProjections()
  @ApiOperation({ summary: "The issuer's VERI*FACTU records in chain order, oldest first, paged" })
  @ApiOkResponse({ type: ChainRecordPageResponse })
  records(@Param('id') issuerId: string, @Query() query: PagingDto): Promise<ChainRecordPage> {
    return chainRecordsOf(this.readModels, issuerId, {
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 20,
    });
  }

  @Get('verification')
  @QueryEndpoint()
  @ApiOperation({
    summary:
      "The issuer's chain verified from the log: every fingerprint recomputed, every link checked; the first broken record",
  })
  @ApiOkResponse({ type: ChainVerificationResponse })
  verify(@Param('id') issuerId: string): Promise<IssuerChainVerification> {
    return this.verification.verify(issuerId);
  }
}
