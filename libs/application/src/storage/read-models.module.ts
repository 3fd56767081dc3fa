import {
  Global,
  Inject,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { SqlDatabase } from '@app/database';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { openReadModels, Projection, ProjectionRunner } from '@app/read-models';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { IdempotencyStore } from '../idempotency/idempotency-store';
import { ProjectionProgress } from './projection-progress';
import { allProjections } from './projections';
import { APP_CONFIG, SQL_DATABASE } from './tokens';

export const READ_MODELS = Symbol('READ_MODELS');
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');

/**
 * The read models: TypeORM on the process's database, migrated at boot, kept up to date by a
 * projection runner inside this process unless PROJECTIONS_IN_PROCESS=false (then run
 * `npm run projections` beside it).
 */
@Global()
@Module({
  providers: [
    {
      provide: READ_MODELS,
      inject: [SQL_DATABASE],
      useFactory: (database: SqlDatabase) => openReadModels(database),
    },
    {
      provide: PROJECTION_RUNNER,
      inject: [EVENT_STORE, READ_MODELS, APP_CONFIG],
      useFactory: (store: EventStore, dataSource: DataSource, config: AppConfig) => {
        const logger = new Logger('Projections');
        return new ProjectionRunner(store, dataSource, allProjections(), {
          transactions: config.PROJECTION_TRANSACTIONS,
          onError: (error) => logger.error(`Projection batch failed, retrying: ${String(error)}`),
          onConnectionLost: (error, retryInMs) =>
            logger.warn(`Database unavailable (${String(error)}), retrying in ${retryInMs} ms`),
          onParked: (parked) => {
            for (const { projection, event, errorCode, errorMessage } of parked)
              logger.warn(
                `${projection} parked event ${event.position} (${event.type} of ${event.stream}): ${errorCode} ${errorMessage}`,
              );
          },
        });
      },
    },
    {
      provide: ProjectionProgress,
      inject: [READ_MODELS],
      useFactory: (dataSource: DataSource) =>
        new ProjectionProgress(
          dataSource,
          allProjections().map((projection: Projection) => projection.name),
        ),
    },
    {
      provide: IdempotencyStore,
      inject: [SQL_DATABASE, EVENT_STORE],
      useFactory: (database: SqlDatabase, store: EventStore) => {
        const logger = new Logger('Idempotency');
        return new IdempotencyStore(database, store, {
          onRecovered: (line) => logger.warn(line),
        });
      },
    },
  ],
  exports: [READ_MODELS, PROJECTION_RUNNER, ProjectionProgress, IdempotencyStore],
})
export class ReadModelsModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(READ_MODELS) private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.PROJECTIONS_IN_PROCESS) this.runner.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
    await this.dataSource.destroy();
  }
}
