import { Module } from '@nestjs/common';
import { InvoicesModule } from '../invoices/invoices.module';
import { BillingRunProcess, MigrationCreditRunProcess } from '@app/application';
import { BillingRunsController } from './billing-runs/billing-runs.http.controller';
import { MigrationCreditsController } from './migration-credits/migration-credits.http.controller';
import { SimulationsController } from './simulations.http.controller';

@Module({
  imports: [InvoicesModule],
  controllers: [SimulationsController, BillingRunsController, MigrationCreditsController],
  providers: [BillingRunProcess, MigrationCreditRunProcess],
})
export class BillingModule {}
