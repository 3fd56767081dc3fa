import { Command } from '@nestjs/cqrs';
import { IssuerCommand } from '@app/domain';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';

/** The domain command's data, as the client gives it: the issuer is named apart. */
type DataOf<T extends IssuerCommand['type']> = Omit<
  Extract<IssuerCommand, { type: T }>['data'],
  'issuerId'
>;

/** One issuer use case (rule 21): which issuer, its data typed by the domain's command, who asks. */
abstract class IssuerUseCase<T extends IssuerCommand['type']> extends Command<CommandOutcome> {
  constructor(
    readonly issuerId: string,
    readonly data: DataOf<T>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class RegisterIssuerCommand extends IssuerUseCase<'RegisterIssuer'> {}
export class EditIssuerCommand extends IssuerUseCase<'EditIssuer'> {}
