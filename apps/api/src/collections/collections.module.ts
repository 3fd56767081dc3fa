import { Module } from '@nestjs/common';
import { collectionsApplicationProviders } from '@app/application';
import { InvoicesModule } from '../invoices/invoices.module';
import { AvailableCreditController } from './credit/available-credit.http.controller';
import { DunningRunsController } from './dunning-runs/dunning-runs.http.controller';
import { RemittancesController } from './remittances/remittances.http.controller';
import { ReturnsController } from './returns/returns.http.controller';
import { CollectionsQueriesController } from './queries/collections-queries.http.controller';

/**
 * Collections (rules 17–20): available credit, remittances and their SEPA files, bank returns,
 * the dunning run.
 */
@Module({
  imports: [InvoicesModule],
  controllers: [
    CollectionsQueriesController,
    AvailableCreditController,
    RemittancesController,
    ReturnsController,
    DunningRunsController,
  ],
  providers: collectionsApplicationProviders,
})
export class CollectionsModule {}
