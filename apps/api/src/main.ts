import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { AppConfig } from '@app/application';
import { configureApp } from './configure-app';
import { installProcessGuards } from './infrastructure/process-guards';
import { APP_CONFIG } from '@app/application';

async function bootstrap(): Promise<void> {
  installProcessGuards(process, new Logger('Process'));
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bufferLogs: true,
    bodyParser: false,
    // A failure to start (the data directory in use, say) reaches the catch below: its
    // message alone, and exit code 1.
    abortOnError: false,
  });
  configureApp(app);
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.PORT);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
