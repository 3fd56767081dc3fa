import { Module } from '@nestjs/common';
import { EstimateDocuments, estimateApplicationProviders, IssuerDirectory } from '@app/application';
import { EstimateQueriesController } from './estimate-queries.http.controller';
import { EstimatesController } from './estimates.http.controller';

/** Rule 29: estimates, their acceptance's process and their printed document. */
@Module({
  controllers: [EstimatesController, EstimateQueriesController],
  providers: [...estimateApplicationProviders, EstimateDocuments, IssuerDirectory],
})
export class EstimatesModule {}
