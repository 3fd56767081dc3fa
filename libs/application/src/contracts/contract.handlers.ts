import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ContractCommand, contractDecider, contractStream } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';
import { decideAndAppend } from '../commands/decide-and-append';
import { customerFact } from '../commands/facts';
import {
  ChangeSignatureIbanCommand,
  DeleteContractDraftCommand,
  DraftContractCommand,
  SignContractCommand,
  TerminateContractCommand,
} from './contract.commands';

/** A contract command through the one write path (load → decide → append on `contract-<id>`). */
@Injectable()
export class ContractWrites {
  constructor(@Inject(EVENT_STORE) readonly store: EventStore) {}

  async decide(
    contractId: string,
    command: ContractCommand,
    context: CommandContext,
  ): Promise<CommandOutcome> {
    const { id, version, position } = await decideAndAppend(this.store, {
      aggregateId: contractId,
      stream: contractStream(contractId),
      decider: contractDecider,
      command,
      context,
    });
    return { id, version, position };
  }
}

// One handler per use case: each builds its domain command (typed by the domain's union, no
// casts) and runs it through ContractWrites.

const at = (command: { context: { at: string } }) => ({ at: command.context.at });

/** The customer's status is read from its stream; the decider refuses one unknown or deleted. */
@CommandHandler(DraftContractCommand)
export class DraftContractHandler implements ICommandHandler<DraftContractCommand> {
  constructor(private readonly contracts: ContractWrites) {}
  async execute(c: DraftContractCommand): Promise<CommandOutcome> {
    const customer = await customerFact(this.contracts.store, c.data.customerId);
    const data = { ...c.data, contractId: c.contractId, customer };
    return this.contracts.decide(
      c.contractId,
      { type: 'DraftContract', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(SignContractCommand)
export class SignContractHandler implements ICommandHandler<SignContractCommand> {
  constructor(private readonly contracts: ContractWrites) {}
  execute(c: SignContractCommand): Promise<CommandOutcome> {
    const data = { ...c.data, contractId: c.contractId };
    return this.contracts.decide(
      c.contractId,
      { type: 'SignContract', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(ChangeSignatureIbanCommand)
export class ChangeSignatureIbanHandler implements ICommandHandler<ChangeSignatureIbanCommand> {
  constructor(private readonly contracts: ContractWrites) {}
  execute(c: ChangeSignatureIbanCommand): Promise<CommandOutcome> {
    const data = { ...c.data, contractId: c.contractId };
    return this.contracts.decide(
      c.contractId,
      { type: 'ChangeSignatureIban', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(TerminateContractCommand)
export class TerminateContractHandler implements ICommandHandler<TerminateContractCommand> {
  constructor(private readonly contracts: ContractWrites) {}
  execute(c: TerminateContractCommand): Promise<CommandOutcome> {
    const data = { ...c.data, contractId: c.contractId };
    return this.contracts.decide(
      c.contractId,
      { type: 'TerminateContract', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(DeleteContractDraftCommand)
export class DeleteContractDraftHandler implements ICommandHandler<DeleteContractDraftCommand> {
  constructor(private readonly contracts: ContractWrites) {}
  execute(c: DeleteContractDraftCommand): Promise<CommandOutcome> {
    const data = { ...c.data, contractId: c.contractId };
    return this.contracts.decide(
      c.contractId,
      { type: 'DeleteContractDraft', data, metadata: at(c) },
      c.context,
    );
  }
}

/** Everything the contracts capability registers with Nest. */
export const contractApplicationProviders = [
  ContractWrites,
  DraftContractHandler,
  SignContractHandler,
  ChangeSignatureIbanHandler,
  TerminateContractHandler,
  DeleteContractDraftHandler,
];
