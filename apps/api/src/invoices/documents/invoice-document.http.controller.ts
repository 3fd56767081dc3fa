import {
  Controller,
  Get,
  Headers,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
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
import { APP_CONFIG, AppConfig, IssuerDirectory, READ_MODELS } from '@app/application';
import { DataSource } from 'typeorm';
import { QueryEndpoint } from '../../auth/access.decorator';
import { invoiceDocument } from './invoice-document';

/**
 * The printed invoice (rules 15, 21, 22): an invoice or a credit note as a PDF with the AEAT
 * QR, from the read model. The issuer is the one the invoice snapshotted; invoices issued
 * before issuer entities existed print the issuer of their series today.
 */
@ApiTags('invoices')
@ApiBearerAuth()
@Controller()
export class InvoiceDocumentController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly issuers: IssuerDirectory,
  ) {}

  @Get('invoices/:id/document.pdf')
  @QueryEndpoint()
  @ApiOperation({
    summary:
      'The invoice, or the credit note, as a PDF with the AEAT QR (Spanish; English on Accept-Language: en)',
  })
  @ApiHeader({ name: 'Accept-Language', required: false, example: 'es-ES,es;q=0.9,en;q=0.5' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The document', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'No invoice or credit note with that id' })
  async document(
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<StreamableFile> {
    const document = await invoiceDocument(
      this.readModels,
      this.issuers,
      this.config.VERIFACTU_QR_ENVIRONMENT,
      id,
      acceptLanguage,
    );
    if (!document) throw new NotFoundException(`No invoice or credit note ${id}`);
    const { pdf, fileName } = document;
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="${fileName}"`,
      length: pdf.length,
    });
  }
}
