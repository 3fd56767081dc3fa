import 'reflect-metadata';
import { Logger as NestLogger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfigModule } from '@app/application';
import { LoggingModule } from './infrastructure/logging.module';
import { installProcessGuards } from './infrastructure/process-guards';
import { ReadModelsModule } from '@app/application';
import { StorageModule } from '@app/application';

/**
 * The projection runner on its own (`npm run projections`), for scale: run the API with
 * PROJECTIONS_IN_PROCESS=false and one of these beside it, on the same PostgreSQL.
 * Checkpoints live in the database, so it resumes where any earlier runner stopped.
 */
@Module({ imports: [AppConfigModule, LoggingModule, StorageModule, ReadModelsModule] })
class ProjectionsModule {}

async function bootstrap(): Promise<void> {
  installProcessGuards(process, new NestLogger('Process'));
  process.env.PROJECTIONS_IN_PROCESS = 'true';
  const app = await NestFactory.createApplicationContext(ProjectionsModule, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
