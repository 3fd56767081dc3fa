import { Module } from '@nestjs/common';
import { contractApplicationProviders } from '@app/application';
import { ContractQueriesController } from './contract-queries.http.controller';
import { ContractsController } from './contracts.http.controller';

@Module({
  controllers: [ContractQueriesController, ContractsController],
  providers: contractApplicationProviders,
})
export class ContractsModule {}
