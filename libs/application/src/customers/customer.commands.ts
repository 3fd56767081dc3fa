import { Command } from '@nestjs/cqrs';
import { CustomerCommand } from '@app/domain';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';

/** The domain command's data, as the client gives it: the customer is named apart. */
type DataOf<T extends CustomerCommand['type']> = Omit<
  Extract<CustomerCommand, { type: T }>['data'],
  'customerId'
>;

/**
 * One customer use case: which customer, its data typed by the domain's command, and who asks.
 * Each subclass is handled by its own `@CommandHandler` (customer.handlers.ts).
 */
abstract class CustomerUseCase<
  T extends CustomerCommand['type'],
  Extra = unknown,
> extends Command<CommandOutcome> {
  constructor(
    readonly customerId: string,
    readonly data: DataOf<T> & Extra,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * Rule 28: the zone, seller and collector may be chosen by id as well as by name; the handler
 * resolves them (`CatalogChoices`) into the links the domain command carries.
 */
type ByCatalogId = Partial<Record<'zoneId' | 'sellerId' | 'collectorId', string | null>>;

export class RegisterCustomerCommand extends CustomerUseCase<'RegisterCustomer', ByCatalogId> {}
export class EditCustomerCommand extends CustomerUseCase<'EditCustomer', ByCatalogId> {}
export class ChangeBillingSettingsCommand extends CustomerUseCase<'ChangeBillingSettings'> {}
export class AddAddressCommand extends CustomerUseCase<'AddAddress'> {}
export class EditAddressCommand extends CustomerUseCase<'EditAddress'> {}
export class RemoveAddressCommand extends CustomerUseCase<'RemoveAddress'> {}
export class AddContactPersonCommand extends CustomerUseCase<'AddContactPerson'> {}
export class EditContactPersonCommand extends CustomerUseCase<'EditContactPerson'> {}
export class RemoveContactPersonCommand extends CustomerUseCase<'RemoveContactPerson'> {}
export class RecordInteractionCommand extends CustomerUseCase<'RecordInteraction'> {}
export class ReactivateCustomerCommand extends CustomerUseCase<'ReactivateCustomer'> {}

/** The billable subscriptions that refuse it are loaded by the handler, not given. */
export class DeactivateCustomerCommand extends CustomerUseCase<'DeactivateCustomer'> {
  constructor(customerId: string, reason: string | null, context: CommandContext) {
    super(customerId, { reason }, context);
  }
}

/** Rule R6's blockers (invoices, contracts, subscriptions) are loaded by the handler. */
export class DeleteCustomerCommand extends Command<CommandOutcome> {
  constructor(
    readonly customerId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The erasure's blockers (unpaid invoices, live subscriptions) are loaded by the handler. */
export class EraseCustomerPersonalDataCommand extends Command<CommandOutcome> {
  constructor(
    readonly customerId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
