import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CatalogCommand } from '@app/domain';
import { CommandOutcome } from '../commands/command-outcome';
import { CatalogChoices } from './catalog-choices';
import { CatalogNames } from './catalog-names';
import { CatalogWrites } from './catalog-writes';
import {
  CreateCatalogEntryCommand,
  EditCatalogEntryCommand,
  RetireCatalogEntryCommand,
} from './catalog.commands';

const at = (command: { context: { at: string } }) => ({ at: command.context.at });

@CommandHandler(CreateCatalogEntryCommand)
export class CreateCatalogEntryHandler implements ICommandHandler<CreateCatalogEntryCommand> {
  constructor(private readonly catalogs: CatalogWrites) {}
  execute(c: CreateCatalogEntryCommand): Promise<CommandOutcome> {
    const data = { ...c.data, entryId: c.entryId, kind: c.kind };
    return this.catalogs.decide(
      c.entryId,
      { type: 'CreateCatalogEntry', data, metadata: at(c) },
      c.context,
    );
  }
}

/** A rename and new tariff terms, decided in order in one append (one version). */
@CommandHandler(EditCatalogEntryCommand)
export class EditCatalogEntryHandler implements ICommandHandler<EditCatalogEntryCommand> {
  constructor(private readonly catalogs: CatalogWrites) {}
  execute(c: EditCatalogEntryCommand): Promise<CommandOutcome> {
    const { name, ...terms } = c.data;
    const { entryId, kind } = c;
    const commands: CatalogCommand[] = [];
    if (name !== undefined)
      commands.push({ type: 'RenameCatalogEntry', data: { entryId, kind, name }, metadata: at(c) });
    if (Object.values(terms).some((value) => value !== undefined) || commands.length === 0)
      commands.push({
        type: 'ChangeTariffTerms',
        data: { entryId, kind, ...terms },
        metadata: at(c),
      });
    return this.catalogs.decide(entryId, commands, c.context);
  }
}

@CommandHandler(RetireCatalogEntryCommand)
export class RetireCatalogEntryHandler implements ICommandHandler<RetireCatalogEntryCommand> {
  constructor(private readonly catalogs: CatalogWrites) {}
  execute(c: RetireCatalogEntryCommand): Promise<CommandOutcome> {
    const data = { entryId: c.entryId, kind: c.kind };
    return this.catalogs.decide(
      c.entryId,
      { type: 'RetireCatalogEntry', data, metadata: at(c) },
      c.context,
    );
  }
}

/** What choosing from catalogs needs (customers, subscriptions, the migration). */
export const catalogChoiceProviders = [CatalogNames, CatalogWrites, CatalogChoices];

/** Everything the catalogs capability registers with Nest. */
export const catalogApplicationProviders = [
  ...catalogChoiceProviders,
  CreateCatalogEntryHandler,
  EditCatalogEntryHandler,
  RetireCatalogEntryHandler,
];
