import { Command } from '@nestjs/cqrs';
import { BillingMode, SubscriptionCommand } from '@app/domain';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';

/**
 * The domain command's data, as the client gives it: the subscription is named apart, and facts
 * from other streams (`contract`, `customer`) are read by the handler.
 */
type DataOf<T extends SubscriptionCommand['type']> = Omit<
  Extract<SubscriptionCommand, { type: T }>['data'],
  'subscriptionId' | 'contract' | 'customer'
>;

/**
 * One subscription use case: which subscription, its data typed by the domain's command, and
 * who asks. Each subclass is handled by its own `@CommandHandler` (subscription.handlers.ts).
 */
abstract class SubscriptionUseCase<
  T extends SubscriptionCommand['type'],
> extends Command<CommandOutcome> {
  constructor(
    readonly subscriptionId: string,
    readonly data: DataOf<T>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** What a request names of its tariff (rule 28): a catalog id, or a name; the terms default to the tariff's. */
type TariffChoice = {
  tariff?: string;
  tariffId?: string;
  monthlyPriceCents?: number;
  billingMode?: BillingMode;
};

/**
 * The handler reads the contract (status, customer) and its customer's status for the domain,
 * and the tariff from its catalog (rule 28).
 */
export class RequestSubscriptionCommand extends Command<CommandOutcome> {
  constructor(
    readonly subscriptionId: string,
    readonly data: Omit<DataOf<'RequestSubscription'>, 'customerId' | keyof TariffChoice> &
      TariffChoice,
    readonly context: CommandContext,
  ) {
    super();
  }
}
export class ActivateSubscriptionCommand extends SubscriptionUseCase<'ActivateSubscription'> {}
export class RejectSubscriptionCommand extends SubscriptionUseCase<'RejectSubscription'> {}
export class MoveSubscriptionToActiveNotBillableCommand extends SubscriptionUseCase<'MoveSubscriptionToActiveNotBillable'> {}
export class MoveSubscriptionToActiveBillableCommand extends SubscriptionUseCase<'MoveSubscriptionToActiveBillable'> {}
export class SuspendSubscriptionCommand extends SubscriptionUseCase<'SuspendSubscription'> {}
export class ResumeSubscriptionCommand extends SubscriptionUseCase<'ResumeSubscription'> {}
export class CancelSubscriptionCommand extends SubscriptionUseCase<'CancelSubscription'> {}
export class MigrateSubscriptionTariffCommand extends SubscriptionUseCase<'MigrateSubscriptionTariff'> {}
export class GrantDiscountCommand extends SubscriptionUseCase<'GrantDiscount'> {}
export class AddExtraChargeCommand extends SubscriptionUseCase<'AddExtraCharge'> {}
