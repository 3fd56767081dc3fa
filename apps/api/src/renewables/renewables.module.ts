import { Module } from '@nestjs/common';
import { renewableApplicationProviders } from '@app/application';
import { RenewableQueriesController } from './renewable-queries.http.controller';
import { RenewablesController } from './renewables.http.controller';

@Module({
  controllers: [RenewablesController, RenewableQueriesController],
  providers: renewableApplicationProviders,
})
export class RenewablesModule {}
