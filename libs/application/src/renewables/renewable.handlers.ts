import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RenewableCommand, renewableDecider, renewableStream } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';
import { decideAndAppend } from '../commands/decide-and-append';
import { customerFact } from '../commands/facts';
import {
  LapseRenewableCommand,
  RegisterRenewableCommand,
  RenewRenewableCommand,
} from './renewable.commands';

/** A renewable command through the one write path (load → decide → append on `renewable-<id>`). */
@Injectable()
export class RenewableWrites {
  constructor(@Inject(EVENT_STORE) readonly store: EventStore) {}

  async decide(
    renewableId: string,
    command: RenewableCommand,
    context: CommandContext,
  ): Promise<CommandOutcome> {
    const { id, version, position } = await decideAndAppend(this.store, {
      aggregateId: renewableId,
      stream: renewableStream(renewableId),
      decider: renewableDecider,
      command,
      context,
    });
    return { id, version, position };
  }
}

const at = (command: { context: { at: string } }) => ({ at: command.context.at });

/** The customer's status is read from its stream (no lag); the decider refuses an unknown one. */
@CommandHandler(RegisterRenewableCommand)
export class RegisterRenewableHandler implements ICommandHandler<RegisterRenewableCommand> {
  constructor(private readonly renewables: RenewableWrites) {}
  async execute(c: RegisterRenewableCommand): Promise<CommandOutcome> {
    const customer = await customerFact(this.renewables.store, c.data.customerId);
    const data = { ...c.data, renewableId: c.renewableId, customer };
    return this.renewables.decide(
      c.renewableId,
      { type: 'RegisterRenewable', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(RenewRenewableCommand)
export class RenewRenewableHandler implements ICommandHandler<RenewRenewableCommand> {
  constructor(private readonly renewables: RenewableWrites) {}
  execute(c: RenewRenewableCommand): Promise<CommandOutcome> {
    const data = { ...c.data, renewableId: c.renewableId };
    return this.renewables.decide(
      c.renewableId,
      { type: 'RenewRenewable', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(LapseRenewableCommand)
export class LapseRenewableHandler implements ICommandHandler<LapseRenewableCommand> {
  constructor(private readonly renewables: RenewableWrites) {}
  execute(c: LapseRenewableCommand): Promise<CommandOutcome> {
    const data = { renewableId: c.renewableId };
    return this.renewables.decide(
      c.renewableId,
      { type: 'LapseRenewable', data, metadata: at(c) },
      c.context,
    );
  }
}

export const renewableApplicationProviders = [
  RenewableWrites,
  RegisterRenewableHandler,
  RenewRenewableHandler,
  LapseRenewableHandler,
];
