import { Module } from '@nestjs/common';
import { remittanceApplicationProviders } from '@app/application';
import { RemittancesController } from './remittances.http.controller';
import { ReturnsController } from '../returns/returns.http.controller';
import { InvoicesModule } from '../../invoices/invoices.module';

/** Collections: remittances (rule 18) and returns (rule 19). */
@Module({
  imports: [InvoicesModule],
  controllers: [RemittancesController, ReturnsController],
  providers: remittanceApplicationProviders,
})
export class RemittancesModule {}
