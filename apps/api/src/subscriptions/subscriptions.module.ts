import { Module } from '@nestjs/common';
import { SubscriptionCommands } from './subscription-commands';
import { SubscriptionsController } from './subscriptions.http.controller';

@Module({ controllers: [SubscriptionsController], providers: [SubscriptionCommands] })
export class SubscriptionsModule {}
