import {
  Controller,
  Get,
  Headers,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import {
  documentLanguageOf,
  EstimateDocuments,
  estimateNumberOf,
  READ_MODELS,
} from '@app/application';
import {
  customerEstimates,
  customerEstimateSummary,
  CustomerEstimateSummary,
  estimateById,
  EstimateListItem,
  EstimateView,
  findCustomerFile,
  Page,
} from '@app/read-models';
import { QueryEndpoint } from '../auth/access.decorator';
import { CustomerEstimatesQueryDto } from './estimate-requests.dto';
import {
  EstimatePageResponse,
  EstimateResponse,
  EstimateSummaryResponse,
} from './estimate.responses';

/** The customer's estimates tab, its blocks, one estimate, and its printed document. */
@ApiTags('estimates')
@ApiBearerAuth()
@Controller()
export class EstimateQueriesController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    private readonly documents: EstimateDocuments,
  ) {}

  @Get('customers/:id/estimates')
  @QueryEndpoint()
  @ApiOperation({
    summary: "The customer's estimates, newest first, 20 a page; status as of today",
  })
  @ApiOkResponse({ type: EstimatePageResponse })
  async ofCustomer(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: CustomerEstimatesQueryDto,
  ): Promise<Page<EstimateListItem>> {
    await this.requireCustomer(id);
    return customerEstimates(this.readModels, id, query);
  }

  @Get('customers/:id/estimates/summary')
  @QueryEndpoint()
  @ApiOperation({
    summary:
      'The estimates blocks (seed 004): count and amount outstanding, accepted, rejected, expired',
  })
  @ApiOkResponse({ type: EstimateSummaryResponse })
  async summary(@Param('id', ParseUUIDPipe) id: string): Promise<CustomerEstimateSummary> {
    await this.requireCustomer(id);
    return customerEstimateSummary(this.readModels, id);
  }

  @Get('estimates/:id')
  @QueryEndpoint()
  @ApiOperation({ summary: 'One estimate with its lines' })
  @ApiOkResponse({ type: EstimateResponse })
  async detail(@Param('id', ParseUUIDPipe) id: string): Promise<EstimateView> {
    return this.requireEstimate(id);
  }

  @Get('estimates/:id/document.pdf')
  @QueryEndpoint()
  @ApiOperation({
    summary:
      'The estimate as a PDF, laid out as the invoices are, without the AEAT QR (Spanish; English on Accept-Language: en)',
  })
  @ApiHeader({ name: 'Accept-Language', required: false, example: 'es-ES,es;q=0.9' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The document', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'No estimate with that id' })
  async document(
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<StreamableFile> {
    const estimate = await this.requireEstimate(id);
    const pdf = await this.documents.pdf(estimate, documentLanguageOf(acceptLanguage));
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="${estimateNumberOf(id)}.pdf"`,
      length: pdf.length,
    });
  }

  private async requireCustomer(id: string): Promise<void> {
    if (!(await findCustomerFile(this.readModels, id)))
      throw new NotFoundException(`No customer ${id}`);
  }

  private async requireEstimate(id: string): Promise<EstimateView> {
    const estimate = await estimateById(this.readModels, id);
    if (!estimate) throw new NotFoundException(`No estimate ${id}`);
    return estimate;
  }
}
