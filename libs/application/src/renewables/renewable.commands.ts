import { Command } from '@nestjs/cqrs';
import { RenewableCommand } from '@app/domain';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';

type DataOf<T extends RenewableCommand['type'], Loaded extends string = never> = Omit<
  Extract<RenewableCommand, { type: T }>['data'],
  'renewableId' | Loaded
>;

/** One renewable use case (seed 003): which renewable, its data, who asks. */
abstract class RenewableUseCase<
  T extends RenewableCommand['type'],
  Loaded extends string = never,
> extends Command<CommandOutcome> {
  constructor(
    readonly renewableId: string,
    readonly data: DataOf<T, Loaded>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The customer's status is read by the handler, not given. */
export class RegisterRenewableCommand extends RenewableUseCase<'RegisterRenewable', 'customer'> {}
export class RenewRenewableCommand extends RenewableUseCase<'RenewRenewable'> {}
export class LapseRenewableCommand extends RenewableUseCase<'LapseRenewable'> {}
