import { ApiProperty } from '@nestjs/swagger';
import { Command } from '@nestjs/cqrs';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';

/** What regenerating answers: the write, and the id the sends deliver the password under. */
export class PortalPasswordRegeneration extends CommandOutcome {
  @ApiProperty({
    description: 'Names the new password; the sends e-mail it to the customer under this id',
    example: '0b9c5c1e-3f0e-4a55-9d0f-6d8e2a1c7b11',
  })
  regenerationId!: string;
}

/** Rule 26, `POST /customers/:id/portal-password`: the password is made by the handler. */
export class RegeneratePortalPasswordCommand extends Command<PortalPasswordRegeneration> {
  constructor(
    readonly customerId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
