import { Module } from '@nestjs/common';
import { subscriptionApplicationProviders } from '@app/application';
import { SubscriptionsController } from './subscriptions.http.controller';

@Module({ controllers: [SubscriptionsController], providers: subscriptionApplicationProviders })
export class SubscriptionsModule {}
