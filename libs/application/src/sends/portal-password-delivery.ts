import { Injectable } from '@nestjs/common';
import {
  PortalPasswordDelivery,
  PortalPasswordDeliveryRequest,
} from '../portal/portal-password-delivery';
import { portalPasswordSecretKey } from './send-triggers';
import { SendsScheduler } from './sends.scheduler';

/**
 * Rule 26 through rule 25: the clear password is held (sealed with the customer's key) under
 * the key of the message that will carry it; the trigger on `PortalPasswordRegenerated` queues
 * that message and the delivery reads the password only to send it, then forgets it. Holding it
 * again for the same regeneration (a lost race decided again) replaces it: one message.
 */
@Injectable()
export class OutboxPortalPasswordDelivery implements PortalPasswordDelivery {
  constructor(private readonly sends: SendsScheduler) {}

  async hold({
    customerId,
    regenerationId,
    password,
  }: PortalPasswordDeliveryRequest): Promise<void> {
    const secrets = await this.sends.secrets();
    await secrets.hold(portalPasswordSecretKey(regenerationId), customerId, { password });
  }
}
