import { Module } from '@nestjs/common';
import { ContractCommands } from './contract-commands';
import { ContractQueriesController } from './contract-queries.http.controller';
import { ContractsController } from './contracts.http.controller';

@Module({
  controllers: [ContractQueriesController, ContractsController],
  providers: [ContractCommands],
  exports: [ContractCommands],
})
export class ContractsModule {}
