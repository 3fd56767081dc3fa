import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  CustomerFact,
  SubscriptionCommand,
  subscriptionDecider,
  SubscriptionState,
  subscriptionStream,
} from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';
import { decideAndAppend } from '../commands/decide-and-append';
import { contractState, customerFact } from '../commands/facts';
import {
  ActivateSubscriptionCommand,
  AddExtraChargeCommand,
  CancelSubscriptionCommand,
  GrantDiscountCommand,
  MigrateSubscriptionTariffCommand,
  MoveSubscriptionToActiveBillableCommand,
  MoveSubscriptionToActiveNotBillableCommand,
  RejectSubscriptionCommand,
  RequestSubscriptionCommand,
  ResumeSubscriptionCommand,
  SuspendSubscriptionCommand,
} from './subscription.commands';

/** A subscription command through the one write path (on `subscription-<id>`). */
@Injectable()
export class SubscriptionWrites {
  constructor(@Inject(EVENT_STORE) readonly store: EventStore) {}

  async decide(
    subscriptionId: string,
    command: SubscriptionCommand | ((state: SubscriptionState) => Promise<SubscriptionCommand>),
    context: CommandContext,
  ): Promise<CommandOutcome> {
    const { id, version, position } = await decideAndAppend(this.store, {
      aggregateId: subscriptionId,
      stream: subscriptionStream(subscriptionId),
      decider: subscriptionDecider,
      command,
      context,
    });
    return { id, version, position };
  }
}

// One handler per use case: each builds its domain command (typed by the domain's union, no
// casts) and runs it through SubscriptionWrites.

const at = (command: { context: { at: string } }) => ({ at: command.context.at });

/**
 * A subscription is for its contract's customer: the handler reads the contract and that
 * customer from their streams; the decider refuses a contract unknown or closed, and an
 * inactive customer.
 */
@CommandHandler(RequestSubscriptionCommand)
export class RequestSubscriptionHandler implements ICommandHandler<RequestSubscriptionCommand> {
  constructor(private readonly subscriptions: SubscriptionWrites) {}
  async execute(c: RequestSubscriptionCommand): Promise<CommandOutcome> {
    const { store } = this.subscriptions;
    const contract = await contractState(store, c.data.contractId);
    const customerId = contract.status === 'none' ? '' : contract.customerId;
    const customer: CustomerFact =
      contract.status === 'none'
        ? { status: 'unregistered' }
        : await customerFact(store, customerId);
    const data = {
      ...c.data,
      subscriptionId: c.subscriptionId,
      customerId,
      contract: { status: contract.status },
      customer,
    };
    return this.subscriptions.decide(
      c.subscriptionId,
      { type: 'RequestSubscription', data, metadata: at(c) },
      c.context,
    );
  }
}

/**
 * The commands that make a subscription invoiced again read its customer on the subscription
 * just loaded (again on each retry of a lost race): the decider refuses an inactive customer.
 */
function decideWithCustomer(
  subscriptions: SubscriptionWrites,
  c: { subscriptionId: string; context: CommandContext },
  command: (customer: CustomerFact | undefined) => SubscriptionCommand,
): Promise<CommandOutcome> {
  const { store } = subscriptions;
  return subscriptions.decide(
    c.subscriptionId,
    async (subscription) =>
      command(
        subscription.status === 'none'
          ? undefined
          : await customerFact(store, subscription.customerId),
      ),
    c.context,
  );
}

/** The customer's status and the day its contract was signed, read from their streams. */
@CommandHandler(ActivateSubscriptionCommand)
export class ActivateSubscriptionHandler implements ICommandHandler<ActivateSubscriptionCommand> {
  constructor(private readonly subscriptions: SubscriptionWrites) {}
  execute(c: ActivateSubscriptionCommand): Promise<CommandOutcome> {
    const { store } = this.subscriptions;
    return this.subscriptions.decide(
      c.subscriptionId,
      async (subscription) => {
        const data = { ...c.data, subscriptionId: c.subscriptionId };
        if (subscription.status === 'none')
          return { type: 'ActivateSubscription', data, metadata: at(c) };
        const [customer, contract] = await Promise.all([
          customerFact(store, subscription.customerId),
          contractState(store, subscription.contractId),
        ]);
        const signedAt = 'signature' in contract ? contract.signature.signedAt : null;
        return {
          type: 'ActivateSubscription',
          data: { ...data, customer, contract: { signedAt } },
          metadata: at(c),
        };
      },
      c.context,
    );
  }
}

@CommandHandler(RejectSubscriptionCommand)
export class RejectSubscriptionHandler implements ICommandHandler<RejectSubscriptionCommand> {
  constructor(private readonly subscriptions: SubscriptionWrites) {}
  execute(c: RejectSubscriptionCommand): Promise<CommandOutcome> {
    const data = { ...c.data, subscriptionId: c.subscriptionId };
    return this.subscriptions.decide(
      c.subscriptionId,
      { type: 'RejectSubscription', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(MoveSubscriptionToActiveNotBillableCommand)
export class MoveSubscriptionToActiveNotBillableHandler implements ICommandHandler<MoveSubscriptionToActiveNotBillableCommand> {
  constructor(private readonly subscriptions: SubscriptionWrites) {}
  execute(c: MoveSubscriptionToActiveNotBillableCommand): Promise<CommandOutcome> {
    const data = { ...c.data, subscriptionId: c.subscriptionId };
    return this.subscriptions.decide(
      c.subscriptionId,
      { type: 'MoveSubscriptionToActiveNotBillable', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(MoveSubscriptionToActiveBillableCommand)
export class MoveSubscriptionToActiveBillableHandler implements ICommandHandler<MoveSubscriptionToActiveBillableCommand> {
  constructor(private readonly subscriptions: SubscriptionWrites) {}
  execute(c: MoveSubscriptionToActiveBillableCommand): Promise<CommandOutcome> {
    return decideWithCustomer(this.subscriptions, c, (customer) => ({
      type: 'MoveSubscriptionToActiveBillable',
      data: { ...c.data, subscriptionId: c.subscriptionId, customer },
      metadata: at(c),
    }));
  }
}

@CommandHandler(SuspendSubscriptionCommand)
export class SuspendSubscriptionHandler implements ICommandHandler<SuspendSubscriptionCommand> {
  constructor(private readonly subscriptions: SubscriptionWrites) {}
  execute(c: SuspendSubscriptionCommand): Promise<CommandOutcome> {
    const data = { ...c.data, subscriptionId: c.subscriptionId };
    return this.subscriptions.decide(
      c.subscriptionId,
      { type: 'SuspendSubscription', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(ResumeSubscriptionCommand)
export class ResumeSubscriptionHandler implements ICommandHandler<ResumeSubscriptionCommand> {
  constructor(private readonly subscriptions: SubscriptionWrites) {}
  execute(c: ResumeSubscriptionCommand): Promise<CommandOutcome> {
    return decideWithCustomer(this.subscriptions, c, (customer) => ({
      type: 'ResumeSubscription',
      data: { ...c.data, subscriptionId: c.subscriptionId, customer },
      metadata: at(c),
    }));
  }
}

@CommandHandler(CancelSubscriptionCommand)
export class CancelSubscriptionHandler implements ICommandHandler<CancelSubscriptionCommand> {
  constructor(private readonly subscriptions: SubscriptionWrites) {}
  execute(c: CancelSubscriptionCommand): Promise<CommandOutcome> {
    const data = { ...c.data, subscriptionId: c.subscriptionId };
    return this.subscriptions.decide(
      c.subscriptionId,
      { type: 'CancelSubscription', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(MigrateSubscriptionTariffCommand)
export class MigrateSubscriptionTariffHandler implements ICommandHandler<MigrateSubscriptionTariffCommand> {
  constructor(private readonly subscriptions: SubscriptionWrites) {}
  execute(c: MigrateSubscriptionTariffCommand): Promise<CommandOutcome> {
    const data = { ...c.data, subscriptionId: c.subscriptionId };
    return this.subscriptions.decide(
      c.subscriptionId,
      { type: 'MigrateSubscriptionTariff', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(GrantDiscountCommand)
export class GrantDiscountHandler implements ICommandHandler<GrantDiscountCommand> {
  constructor(private readonly subscriptions: SubscriptionWrites) {}
  execute(c: GrantDiscountCommand): Promise<CommandOutcome> {
    const data = { ...c.data, subscriptionId: c.subscriptionId };
    return this.subscriptions.decide(
      c.subscriptionId,
      { type: 'GrantDiscount', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(AddExtraChargeCommand)
export class AddExtraChargeHandler implements ICommandHandler<AddExtraChargeCommand> {
  constructor(private readonly subscriptions: SubscriptionWrites) {}
  execute(c: AddExtraChargeCommand): Promise<CommandOutcome> {
    const data = { ...c.data, subscriptionId: c.subscriptionId };
    return this.subscriptions.decide(
      c.subscriptionId,
      { type: 'AddExtraCharge', data, metadata: at(c) },
      c.context,
    );
  }
}

/** Everything the subscriptions capability registers with Nest. */
export const subscriptionApplicationProviders = [
  SubscriptionWrites,
  RequestSubscriptionHandler,
  ActivateSubscriptionHandler,
  RejectSubscriptionHandler,
  MoveSubscriptionToActiveNotBillableHandler,
  MoveSubscriptionToActiveBillableHandler,
  SuspendSubscriptionHandler,
  ResumeSubscriptionHandler,
  CancelSubscriptionHandler,
  MigrateSubscriptionTariffHandler,
  GrantDiscountHandler,
  AddExtraChargeHandler,
];
