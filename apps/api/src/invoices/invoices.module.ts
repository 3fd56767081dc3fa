import { Module } from '@nestjs/common';
import { InvoiceCommandsController } from './invoice-commands.http.controller';
import { InvoiceDocuments, invoiceApplicationProviders, SERIES_ISSUERS } from '@app/application';
import { InvoiceQueriesController } from './invoice-queries.http.controller';
import { EffectAdjustmentsController } from './effect-adjustments/effect-adjustments.http.controller';
import { InvoiceDocumentController } from './documents/invoice-document.http.controller';

@Module({
  controllers: [
    InvoiceQueriesController,
    InvoiceCommandsController,
    EffectAdjustmentsController,
    InvoiceDocumentController,
  ],
  providers: invoiceApplicationProviders,
  exports: [InvoiceDocuments, SERIES_ISSUERS],
})
export class InvoicesModule {}
