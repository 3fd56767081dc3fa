import { Module } from '@nestjs/common';
import { DunningRunProcess } from '@app/application';
import { DunningRunsController } from './dunning-runs/dunning-runs.http.controller';

/** Collections (rules 17–20): the dunning run. */
@Module({
  controllers: [DunningRunsController],
  providers: [DunningRunProcess],
})
export class CollectionsModule {}
