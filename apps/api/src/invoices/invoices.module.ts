import { Module } from '@nestjs/common';
import { InvoiceCommandsController } from './invoice-commands.http.controller';
import { InvoiceDocuments, invoiceApplicationProviders } from '@app/application';
import { InvoiceQueriesController } from './invoice-queries.http.controller';
import { EffectAdjustmentsController } from './effect-adjustments/effect-adjustments.http.controller';

@Module({
  controllers: [InvoiceQueriesController, InvoiceCommandsController, EffectAdjustmentsController],
  providers: invoiceApplicationProviders,
  exports: [InvoiceDocuments],
})
export class InvoicesModule {}
