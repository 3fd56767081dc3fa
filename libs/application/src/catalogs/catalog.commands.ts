import { Command } from '@nestjs/cqrs';
import { CatalogKind, TariffTerms } from '@app/domain';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';

/** One catalog use case (rule 28): which catalog and entry, its data, who asks. */
abstract class CatalogUseCase<Data> extends Command<CommandOutcome> {
  constructor(
    readonly kind: CatalogKind,
    readonly entryId: string,
    readonly data: Data,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class CreateCatalogEntryCommand extends CatalogUseCase<
  { name: string } & Partial<TariffTerms>
> {}

/** `PATCH`: a new name, and for a tariff new terms; what is left out stays. */
export class EditCatalogEntryCommand extends CatalogUseCase<
  { name?: string } & Partial<TariffTerms>
> {}

export class RetireCatalogEntryCommand extends CatalogUseCase<Record<string, never>> {}
