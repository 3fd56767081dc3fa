import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  SubscriptionCommand,
  subscriptionDecider,
  SubscriptionEvent,
  SubscriptionState,
  subscriptionStream,
} from '@app/domain';
import { AggregateCommands } from '../infrastructure/commands/execute-aggregate-command';

/** Runs subscription commands (load → decide → append on `subscription-<id>`). */
@Injectable()
export class SubscriptionCommands extends AggregateCommands<
  SubscriptionCommand,
  SubscriptionEvent,
  SubscriptionState
> {
  constructor(bus: CommandBus) {
    super(bus, {
      decider: subscriptionDecider,
      stream: subscriptionStream,
      idField: 'subscriptionId',
    });
  }
}
