import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome } from '../commands/command-outcome';
import { EditIssuerCommand, RegisterIssuerCommand } from './issuer.commands';
import { IssuerUniqueValues } from './issuer-unique-values';
import { IssuerWrites } from './issuer-writes';
import { IssuerDirectory } from './issuer-directory';

const at = (command: { context: { at: string } }) => ({ at: command.context.at });

@CommandHandler(RegisterIssuerCommand)
export class RegisterIssuerHandler implements ICommandHandler<RegisterIssuerCommand> {
  constructor(private readonly issuers: IssuerWrites) {}
  execute(c: RegisterIssuerCommand): Promise<CommandOutcome> {
    const data = { ...c.data, issuerId: c.issuerId };
    return this.issuers.decide(
      c.issuerId,
      { type: 'RegisterIssuer', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(EditIssuerCommand)
export class EditIssuerHandler implements ICommandHandler<EditIssuerCommand> {
  constructor(private readonly issuers: IssuerWrites) {}
  execute(c: EditIssuerCommand): Promise<CommandOutcome> {
    const data = { ...c.data, issuerId: c.issuerId };
    return this.issuers.decide(
      c.issuerId,
      { type: 'EditIssuer', data, metadata: at(c) },
      c.context,
    );
  }
}

/** Everything the issuers capability registers with Nest. */
export const issuerApplicationProviders = [
  IssuerUniqueValues,
  IssuerWrites,
  IssuerDirectory,
  RegisterIssuerHandler,
  EditIssuerHandler,
];
