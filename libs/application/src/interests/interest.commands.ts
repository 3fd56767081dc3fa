import { Command } from '@nestjs/cqrs';
import { CustomerCommand } from '@app/domain';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';

type InterestCommandType = 'RecordInterest' | 'EditInterest' | 'RemoveInterest';

/** The domain command's data as the client gives it: customer and interest named apart, no facts. */
type DataOf<T extends InterestCommandType> = Omit<
  Extract<CustomerCommand, { type: T }>['data'],
  'customerId' | 'interestId' | 'tariff'
>;

/** One interest use case (seed 003): whose, which interest, its data, who asks. */
abstract class InterestUseCase<T extends InterestCommandType> extends Command<CommandOutcome> {
  constructor(
    readonly customerId: string,
    readonly interestId: string,
    readonly data: DataOf<T>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The catalog tariff named, if any, is read from its stream by the handler. */
export class RecordInterestCommand extends InterestUseCase<'RecordInterest'> {}
export class EditInterestCommand extends InterestUseCase<'EditInterest'> {}
export class RemoveInterestCommand extends InterestUseCase<'RemoveInterest'> {}
