import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfigModule } from './config/config.module';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './infrastructure/logging.module';
import { StorageModule } from './infrastructure/storage.module';

@Module({
  imports: [AppConfigModule, LoggingModule, StorageModule, CqrsModule.forRoot(), HealthModule],
})
export class AppModule {}
