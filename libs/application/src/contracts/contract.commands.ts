import { Command } from '@nestjs/cqrs';
import { ContractCommand } from '@app/domain';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';

/**
 * The domain command's data, as the client gives it: the contract is named apart, and facts
 * from other streams (`customer`) are read by the handler.
 */
type DataOf<T extends ContractCommand['type']> = Omit<
  Extract<ContractCommand, { type: T }>['data'],
  'contractId' | 'customer'
>;

/**
 * One contract use case: which contract, its data typed by the domain's command, and who asks.
 * Each subclass is handled by its own `@CommandHandler` (contract.handlers.ts).
 */
abstract class ContractUseCase<T extends ContractCommand['type']> extends Command<CommandOutcome> {
  constructor(
    readonly contractId: string,
    readonly data: DataOf<T>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The handler reads the customer's status; the domain refuses one unknown or deleted. */
export class DraftContractCommand extends ContractUseCase<'DraftContract'> {}
export class SignContractCommand extends ContractUseCase<'SignContract'> {}
export class ChangeSignatureIbanCommand extends ContractUseCase<'ChangeSignatureIban'> {}
export class TerminateContractCommand extends ContractUseCase<'TerminateContract'> {}
export class DeleteContractDraftCommand extends ContractUseCase<'DeleteContractDraft'> {}
