import { Module } from '@nestjs/common';
import { remittanceApplicationProviders } from '@app/application';
import { RemittancesController } from './remittances.http.controller';
import { ReturnsController } from '../returns/returns.http.controller';
import { AvailableCreditController } from '../credit/available-credit.http.controller';
import { InvoicesModule } from '../../invoices/invoices.module';

/** Collections: available credit (rule 17), remittances (rule 18) and returns (rule 19). */
@Module({
  imports: [InvoicesModule],
  controllers: [RemittancesController, ReturnsController, AvailableCreditController],
  providers: remittanceApplicationProviders,
})
export class RemittancesModule {}
