import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { customerDecider, CustomerState, RegeneratePortalPassword } from '@app/domain';
import { CustomerWrites } from '../customers/customer-writes';
import { generatePortalPassword, hashPortalPassword } from './portal-password';
import { PORTAL_PASSWORD_DELIVERY, PortalPasswordDelivery } from './portal-password-delivery';
import {
  PortalPasswordRegeneration,
  RegeneratePortalPasswordCommand,
} from './portal-password.commands';

/**
 * Rule 26: a new random password, of which the customer's stream records only the salted hash.
 * The decision is taken first on the state read (a refusal holds nothing), then the clear
 * password is handed to the sends (`hold`), then the event is appended: the sends deliver it
 * once they see the event, and never a password whose event was not written.
 */
@CommandHandler(RegeneratePortalPasswordCommand)
export class RegeneratePortalPasswordHandler implements ICommandHandler<RegeneratePortalPasswordCommand> {
  constructor(
    private readonly customers: CustomerWrites,
    @Inject(PORTAL_PASSWORD_DELIVERY) private readonly delivery: PortalPasswordDelivery,
  ) {}

  async execute(c: RegeneratePortalPasswordCommand): Promise<PortalPasswordRegeneration> {
    const { customerId } = c;
    const regenerationId = randomUUID();
    const password = generatePortalPassword();
    const command: RegeneratePortalPassword = {
      type: 'RegeneratePortalPassword',
      data: { customerId, regenerationId, passwordHash: await hashPortalPassword(password) },
      metadata: { at: c.context.at },
    };
    let held = false;
    const holdOnceAccepted = async (state: CustomerState) => {
      // Throws the refusal (no e-mail, deleted, unknown) before the password goes anywhere.
      customerDecider.decide(command, state);
      if (!held) await this.delivery.hold({ customerId, regenerationId, password });
      held = true;
      return command;
    };
    const outcome = await this.customers.decide(customerId, holdOnceAccepted, c.context);
    return { ...outcome, regenerationId };
  }
}
