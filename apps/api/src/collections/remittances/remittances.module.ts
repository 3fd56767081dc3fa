import { Module } from '@nestjs/common';
import { remittanceApplicationProviders } from '@app/application';
import { RemittancesController } from './remittances.http.controller';

@Module({
  controllers: [RemittancesController],
  providers: remittanceApplicationProviders,
})
export class RemittancesModule {}
