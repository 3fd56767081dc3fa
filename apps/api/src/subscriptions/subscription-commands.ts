import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  SubscriptionCommand,
  subscriptionDecider,
  SubscriptionEvent,
  SubscriptionState,
  subscriptionStream,
} from '@app/domain';
import { AggregateCommands } from '@app/application';

/** Runs subscription commands (load → decide → append on `subscription-<id>`). */
@Injectable()
export class SubscriptionCommands extends AggregateCommands<
  SubscriptionCommand,
  SubscriptionEvent,
  SubscriptionState,
  'subscriptionId'
> {
  constructor(bus: CommandBus) {
    super(bus, {
      decider: subscriptionDecider,
      stream: subscriptionStream,
      idField: 'subscriptionId',
    });
  }
}
