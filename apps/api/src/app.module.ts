import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuditModule } from './audit/audit.module';
import { ApiKeyGuard } from './auth/api-key.guard';
import { RateLimitGuard } from './auth/rate-limit.guard';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '@app/application';
import { APP_CONFIG } from '@app/application';
import { BillingModule } from './billing/billing.module';
import { CollectionsModule } from './collections/collections.module';
import { IssuersModule } from './issuers/issuers.module';
import { CatalogsModule } from './catalogs/catalogs.module';
import { InvoicesModule } from './invoices/invoices.module';
import { ContractsModule } from './contracts/contracts.module';
import { CustomersModule } from './customers/customers.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';
import { VerifactuChainModule } from './verifactu/chain/verifactu-chain.module';
import { IdempotencyInterceptor } from './infrastructure/commands/idempotency.interceptor';
import { MinPositionInterceptor } from './infrastructure/queries/min-position.interceptor';
import { ReadModelsModule } from '@app/application';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfigModule } from '@app/application';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './infrastructure/logging.module';
import { StorageModule } from '@app/application';
import { VerifactuOutboxModule } from './verifactu/outbox/verifactu-outbox.module';
import { TicketsModule } from './tickets/tickets.module';
import { EstimatesModule } from './estimates/estimates.module';
import { InterestsModule } from './interests/interests.module';
import { RenewablesModule } from './renewables/renewables.module';
import { TasksModule } from './tasks/tasks.module';
import { FormsModule } from './forms/forms.module';
import { PortalModule } from './portal/portal.module';
import { SendsModule } from './sends/sends.module';
import { ImportsModule } from './imports/imports.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { ConsoleModule } from './console/console.module';

@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    StorageModule,
    ReadModelsModule,
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => [{ ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE }],
    }),
    CqrsModule.forRoot(),
    HealthModule,
    ConsoleModule,
    CustomersModule,
    ContractsModule,
    SubscriptionsModule,
    BillingModule,
    InvoicesModule,
    CollectionsModule,
    VerifactuChainModule,
    IssuersModule,
    CatalogsModule,
    AuditModule,
    VerifactuOutboxModule,
    TicketsModule,
    EstimatesModule,
    InterestsModule,
    RenewablesModule,
    TasksModule,
    FormsModule,
    PortalModule,
    SendsModule,
    ImportsModule,
    AttachmentsModule,
  ],
  providers: [
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_INTERCEPTOR, useClass: MinPositionInterceptor },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class AppModule {}
