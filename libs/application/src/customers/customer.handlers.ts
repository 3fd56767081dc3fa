import { StreamAppend } from '@app/event-store';
import { metadataOf } from '../commands/decide-and-append';
import { CommandContext } from '../commands/command-context';
import { CatalogChoices, CustomerCatalogInput } from '../catalogs/catalog-choices';
import { catalogChoiceProviders } from '../catalogs/catalog.handlers';
import { IssuerDirectory } from '../issuers/issuer-directory';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  CatalogLinkIds,
  BillingIssuerFacts,
  CustomerState,
  isRegistered,
  personalDataErasureBlockers,
} from '@app/domain';
import { CommandOutcome } from '../commands/command-outcome';
import { bulkOperationProviders } from './bulk-operations/bulk-operation.providers';
import { interestHandlers } from '../interests/interest.handlers';
import { CustomerDeletion } from './customer-deletion.process';
import { CustomerFactsReader } from './customer-facts';
import { CustomerUniqueValues } from './customer-unique-values';
import {
  AddAddressCommand,
  AddContactPersonCommand,
  ChangeBillingSettingsCommand,
  DeactivateCustomerCommand,
  EditAddressCommand,
  EditContactPersonCommand,
  EditCustomerCommand,
  EraseCustomerPersonalDataCommand,
  ReactivateCustomerCommand,
  RecordInteractionCommand,
  RegisterCustomerCommand,
  RemoveAddressCommand,
  RemoveContactPersonCommand,
} from './customer.commands';
import { CustomerWrites } from './customer-writes';

// One handler per use case: each builds its domain command (typed by the domain's union, no
// casts) and runs it through CustomerWrites, the customer's one write path.

const at = (command: { context: { at: string } }) => ({ at: command.context.at });

/**
 * Rule 28: the zone, seller and collector a command names (or gives by id) as catalog entries:
 * the profile records each entry's name, the event its id. An unknown name creates the entry;
 * a retired one is refused (R28.RETIRED).
 */
async function withCatalogLinks<D extends CustomerCatalogInput & { catalogLinks?: unknown }>(
  choices: CatalogChoices,
  input: D,
  context: CommandContext,
  held?: CatalogLinkIds,
) {
  const { zoneId: _z, sellerId: _s, collectorId: _c, catalogLinks: _l, ...data } = input;
  const { names, links, creations } = await choices.forCustomer(input, context.at, held);
  const metadata = metadataOf(CatalogChoices.contextOf(context));
  return {
    data: { ...data, ...names, catalogLinks: links },
    also: () => choices.appendsOf(creations, metadata),
  };
}

@CommandHandler(RegisterCustomerCommand)
export class RegisterCustomerHandler implements ICommandHandler<RegisterCustomerCommand> {
  constructor(
    private readonly customers: CustomerWrites,
    private readonly choices: CatalogChoices,
  ) {}
  execute(c: RegisterCustomerCommand): Promise<CommandOutcome> {
    return CatalogChoices.whileRacing(async () => {
      const chosen = await withCatalogLinks(this.choices, c.data, c.context);
      const data = { ...chosen.data, customerId: c.customerId };
      return this.customers.decide(
        c.customerId,
        { type: 'RegisterCustomer', data, metadata: at(c) },
        c.context,
        chosen.also,
      );
    });
  }
}

@CommandHandler(EditCustomerCommand)
export class EditCustomerHandler implements ICommandHandler<EditCustomerCommand> {
  constructor(
    private readonly customers: CustomerWrites,
    private readonly choices: CatalogChoices,
  ) {}
  /** A retired entry the customer holds already may be named again (the form sent back whole). */
  execute(c: EditCustomerCommand): Promise<CommandOutcome> {
    return CatalogChoices.whileRacing(async () => {
      let also: () => Promise<StreamAppend[]> = async () => [];
      return this.customers.decide(
        c.customerId,
        async (state) => {
          const held = isRegistered(state) ? state.catalogLinks : undefined;
          const chosen = await withCatalogLinks(this.choices, c.data, c.context, held);
          also = chosen.also;
          const data = { ...chosen.data, customerId: c.customerId };
          return { type: 'EditCustomer', data, metadata: at(c) };
        },
        c.context,
        () => also(),
      );
    });
  }
}

@CommandHandler(ChangeBillingSettingsCommand)
export class ChangeBillingSettingsHandler implements ICommandHandler<ChangeBillingSettingsCommand> {
  constructor(
    private readonly customers: CustomerWrites,
    private readonly issuers: IssuerDirectory,
  ) {}
  execute(c: ChangeBillingSettingsCommand): Promise<CommandOutcome> {
    return this.customers.decide(
      c.customerId,
      async (state) => ({
        type: 'ChangeBillingSettings',
        data: {
          ...c.data,
          customerId: c.customerId,
          issuerFacts: await this.issuerFactsFor(state, c.data),
        },
        metadata: at(c),
      }),
      c.context,
    );
  }

  /** Rule 21's facts for the settings the command would leave (none without an issuer named). */
  private async issuerFactsFor(
    state: CustomerState,
    input: ChangeBillingSettingsCommand['data'],
  ): Promise<BillingIssuerFacts | undefined> {
    const current = isRegistered(state) ? state.billing : null;
    const issuerId = input.issuerId === undefined ? (current?.issuerId ?? null) : input.issuerId;
    if (!issuerId?.trim()) return undefined;
    const series =
      input.invoiceSeries === undefined ? (current?.invoiceSeries ?? null) : input.invoiceSeries;
    return {
      issuerKnown: (await this.issuers.issuerById(issuerId.trim())) !== null,
      seriesOwner: series?.trim() ? await this.issuers.ownerOfSeries(series.trim()) : null,
    };
  }
}

@CommandHandler(AddAddressCommand)
export class AddAddressHandler implements ICommandHandler<AddAddressCommand> {
  constructor(private readonly customers: CustomerWrites) {}
  execute(c: AddAddressCommand): Promise<CommandOutcome> {
    const data = { ...c.data, customerId: c.customerId };
    return this.customers.decide(
      c.customerId,
      { type: 'AddAddress', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(EditAddressCommand)
export class EditAddressHandler implements ICommandHandler<EditAddressCommand> {
  constructor(private readonly customers: CustomerWrites) {}
  execute(c: EditAddressCommand): Promise<CommandOutcome> {
    const data = { ...c.data, customerId: c.customerId };
    return this.customers.decide(
      c.customerId,
      { type: 'EditAddress', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(RemoveAddressCommand)
export class RemoveAddressHandler implements ICommandHandler<RemoveAddressCommand> {
  constructor(private readonly customers: CustomerWrites) {}
  execute(c: RemoveAddressCommand): Promise<CommandOutcome> {
    const data = { ...c.data, customerId: c.customerId };
    return this.customers.decide(
      c.customerId,
      { type: 'RemoveAddress', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(AddContactPersonCommand)
export class AddContactPersonHandler implements ICommandHandler<AddContactPersonCommand> {
  constructor(private readonly customers: CustomerWrites) {}
  execute(c: AddContactPersonCommand): Promise<CommandOutcome> {
    const data = { ...c.data, customerId: c.customerId };
    return this.customers.decide(
      c.customerId,
      { type: 'AddContactPerson', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(EditContactPersonCommand)
export class EditContactPersonHandler implements ICommandHandler<EditContactPersonCommand> {
  constructor(private readonly customers: CustomerWrites) {}
  execute(c: EditContactPersonCommand): Promise<CommandOutcome> {
    const data = { ...c.data, customerId: c.customerId };
    return this.customers.decide(
      c.customerId,
      { type: 'EditContactPerson', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(RemoveContactPersonCommand)
export class RemoveContactPersonHandler implements ICommandHandler<RemoveContactPersonCommand> {
  constructor(private readonly customers: CustomerWrites) {}
  execute(c: RemoveContactPersonCommand): Promise<CommandOutcome> {
    const data = { ...c.data, customerId: c.customerId };
    return this.customers.decide(
      c.customerId,
      { type: 'RemoveContactPerson', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(RecordInteractionCommand)
export class RecordInteractionHandler implements ICommandHandler<RecordInteractionCommand> {
  constructor(private readonly customers: CustomerWrites) {}
  execute(c: RecordInteractionCommand): Promise<CommandOutcome> {
    const data = { ...c.data, customerId: c.customerId };
    return this.customers.decide(
      c.customerId,
      { type: 'RecordInteraction', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(ReactivateCustomerCommand)
export class ReactivateCustomerHandler implements ICommandHandler<ReactivateCustomerCommand> {
  constructor(private readonly customers: CustomerWrites) {}
  execute(c: ReactivateCustomerCommand): Promise<CommandOutcome> {
    const data = { ...c.data, customerId: c.customerId };
    return this.customers.decide(
      c.customerId,
      { type: 'ReactivateCustomer', data, metadata: at(c) },
      c.context,
    );
  }
}

/** Rule R6's facts from other aggregates are read on each attempt, after the log has caught up. */
@CommandHandler(DeactivateCustomerCommand)
export class DeactivateCustomerHandler implements ICommandHandler<DeactivateCustomerCommand> {
  constructor(
    private readonly customers: CustomerWrites,
    private readonly facts: CustomerFactsReader,
  ) {}
  execute(c: DeactivateCustomerCommand): Promise<CommandOutcome> {
    const { customerId } = c;
    return this.customers.decide(
      customerId,
      async () => ({
        type: 'DeactivateCustomer',
        data: {
          customerId,
          reason: c.data.reason ?? null,
          billableSubscriptions: await this.facts.billableSubscriptionsOf(customerId),
        },
        metadata: at(c),
      }),
      c.context,
    );
  }
}

@CommandHandler(EraseCustomerPersonalDataCommand)
export class EraseCustomerPersonalDataHandler implements ICommandHandler<EraseCustomerPersonalDataCommand> {
  constructor(
    private readonly customers: CustomerWrites,
    private readonly facts: CustomerFactsReader,
  ) {}
  execute(c: EraseCustomerPersonalDataCommand): Promise<CommandOutcome> {
    const { customerId } = c;
    return this.customers.decide(
      customerId,
      async () => ({
        type: 'EraseCustomerPersonalData',
        data: {
          customerId,
          blockers: personalDataErasureBlockers(await this.facts.erasureFactsFor(customerId)),
        },
        metadata: at(c),
      }),
      c.context,
    );
  }
}

/** Everything the customers capability registers with Nest. */
export const customerApplicationProviders = [
  ...catalogChoiceProviders,
  IssuerDirectory,
  CustomerUniqueValues,
  CustomerFactsReader,
  CustomerWrites,
  ...bulkOperationProviders,
  RegisterCustomerHandler,
  EditCustomerHandler,
  ChangeBillingSettingsHandler,
  AddAddressHandler,
  EditAddressHandler,
  RemoveAddressHandler,
  AddContactPersonHandler,
  EditContactPersonHandler,
  RemoveContactPersonHandler,
  RecordInteractionHandler,
  ...interestHandlers,
  ReactivateCustomerHandler,
  DeactivateCustomerHandler,
  CustomerDeletion,
  EraseCustomerPersonalDataHandler,
];
