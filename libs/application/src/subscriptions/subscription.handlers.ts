import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  CatalogRefusal,
  CreateCatalogEntry,
  CustomerFact,
  DEFAULT_VAT_RATE_PERCENT,
  DomainError,
  SubscriptionCommand,
  subscriptionDecider,
  SubscriptionState,
  subscriptionStream,
} from '@app/domain';
import { EVENT_STORE, EventStore, StreamAppend } from '@app/event-store';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';
import { decideAndAppend, metadataOf } from '../commands/decide-and-append';
import { CatalogChoice, CatalogChoices } from '../catalogs/catalog-choices';
import { catalogChoiceProviders } from '../catalogs/catalog.handlers';
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
    /** Other streams' appends that go with the subscription's first (a new tariff, rule 28). */
    also?: () => Promise<StreamAppend[]>,
  ): Promise<CommandOutcome> {
    const { id, version, position } = await decideAndAppend(this.store, {
      aggregateId: subscriptionId,
      stream: subscriptionStream(subscriptionId),
      decider: subscriptionDecider,
      command,
      context,
      ...(also ? { alongside: async () => ({ before: await also(), after: [] }) } : {}),
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
/**
 * Rule 28: the tariff a request chooses, by id or by name (an unknown name creates the tariff
 * with the request's price, its billing mode and the general VAT rate), and the terms that
 * default to the tariff's. A new name the catalog would refuse (a price it can't take) is left
 * unlinked: the subscription's own rules then judge the request.
 */
async function chooseTariff(
  choices: CatalogChoices,
  data: RequestSubscriptionCommand['data'],
  at: string,
): Promise<CatalogChoice | undefined> {
  const { tariff, tariffId, monthlyPriceCents, billingMode } = data;
  const terms =
    monthlyPriceCents !== undefined && billingMode !== undefined
      ? { monthlyPriceCents, vatRatePercent: DEFAULT_VAT_RATE_PERCENT, billingMode }
      : undefined;
  try {
    return (await choices.choose('tariff', { name: tariff, id: tariffId }, at, terms)) ?? undefined;
  } catch (error) {
    const unlinked =
      !tariffId && error instanceof DomainError && error.code === CatalogRefusal.invalidInput;
    if (unlinked) return undefined;
    throw error;
  }
}

@CommandHandler(RequestSubscriptionCommand)
export class RequestSubscriptionHandler implements ICommandHandler<RequestSubscriptionCommand> {
  constructor(
    private readonly subscriptions: SubscriptionWrites,
    private readonly choices: CatalogChoices,
  ) {}
  execute(c: RequestSubscriptionCommand): Promise<CommandOutcome> {
    return CatalogChoices.whileRacing(() => this.request(c));
  }

  private async request(c: RequestSubscriptionCommand): Promise<CommandOutcome> {
    const { store } = this.subscriptions;
    const choice = await chooseTariff(this.choices, c.data, c.context.at);
    const terms = choice?.chosen.terms;
    const { tariff, tariffId: _id, monthlyPriceCents, billingMode, ...rest } = c.data;
    const chosen = {
      ...rest,
      tariff: choice?.chosen.name ?? tariff ?? '',
      ...(choice ? { tariffId: choice.chosen.entryId } : {}),
      monthlyPriceCents: (monthlyPriceCents ?? terms?.monthlyPriceCents)!,
      billingMode: (billingMode ?? terms?.billingMode)!,
    };
    const contract = await contractState(store, c.data.contractId);
    const customerId = contract.status === 'none' ? '' : contract.customerId;
    const customer: CustomerFact =
      contract.status === 'none'
        ? { status: 'unregistered' }
        : await customerFact(store, customerId);
    const data = {
      ...chosen,
      subscriptionId: c.subscriptionId,
      customerId,
      contract: { status: contract.status },
      customer,
    };
    const creations = choice?.creation ? [choice.creation] : [];
    const metadata = metadataOf(CatalogChoices.contextOf(c.context));
    return this.subscriptions.decide(
      c.subscriptionId,
      { type: 'RequestSubscription', data, metadata: at(c) },
      c.context,
      creations.length > 0 ? () => this.choices.appendsOf(creations, metadata) : undefined,
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

/**
 * Rule 28: the new tariff named as a request names it — the catalog's entry (its spelling and
 * id on the event), a retired one refused (R28.RETIRED), an unknown name created with the
 * migration's price and the subscription's billing mode.
 */
@CommandHandler(MigrateSubscriptionTariffCommand)
export class MigrateSubscriptionTariffHandler implements ICommandHandler<MigrateSubscriptionTariffCommand> {
  constructor(
    private readonly subscriptions: SubscriptionWrites,
    private readonly choices: CatalogChoices,
  ) {}
  execute(c: MigrateSubscriptionTariffCommand): Promise<CommandOutcome> {
    return CatalogChoices.whileRacing(() => {
      let creations: CreateCatalogEntry[] = [];
      const metadata = metadataOf(CatalogChoices.contextOf(c.context));
      return this.subscriptions.decide(
        c.subscriptionId,
        async (subscription) => {
          const data = { ...c.data, subscriptionId: c.subscriptionId };
          if (subscription.status === 'none')
            return { type: 'MigrateSubscriptionTariff', data, metadata: at(c) };
          const choice = await chooseTariff(
            this.choices,
            { ...data, contractId: subscription.contractId, billingMode: subscription.billingMode },
            c.context.at,
          );
          creations = choice?.creation ? [choice.creation] : [];
          const chosen = choice
            ? { tariff: choice.chosen.name, tariffId: choice.chosen.entryId }
            : {};
          return {
            type: 'MigrateSubscriptionTariff',
            data: { ...data, ...chosen },
            metadata: at(c),
          };
        },
        c.context,
        () => this.choices.appendsOf(creations, metadata),
      );
    });
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
  ...catalogChoiceProviders,
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
