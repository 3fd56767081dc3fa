import { Injectable, Logger } from '@nestjs/common';

/** A regenerated portal password, to be sent to the customer's contact e-mail (rule 26). */
export interface PortalPasswordDeliveryRequest {
  customerId: string;
  /** The `regenerationId` of the `PortalPasswordRegenerated` event that will follow. */
  regenerationId: string;
  password: string;
}

/**
 * Rule 26: the only way the clear password leaves the service is the sends. `hold` is called
 * BEFORE `PortalPasswordRegenerated` is appended, with the clear password: the sends keep it
 * (encrypted) and send it once they see the event of that `regenerationId` in the log; a hold
 * whose event never comes (the append failed) is never sent. It may be called again with the
 * same request after a lost race, and must treat that as one.
 */
export interface PortalPasswordDelivery {
  hold(request: PortalPasswordDeliveryRequest): Promise<void>;
}

export const PORTAL_PASSWORD_DELIVERY = Symbol('PORTAL_PASSWORD_DELIVERY');

/**
 * What the portal module binds to `PORTAL_PASSWORD_DELIVERY` until the sends outbox is wired:
 * NOT a delivery. It keeps the latest password of each customer in this process's memory only
 * (never a log line, never the database) and warns at every hold that nothing is sent; nothing
 * reads it but `take`, for tests and for handing over to the outbox. Replace the binding in
 * `PortalModule` (apps/api/src/portal/portal.module.ts) with the sends outbox.
 */
@Injectable()
export class UndeliveredPortalPasswords implements PortalPasswordDelivery {
  private readonly logger = new Logger('PortalPasswordDelivery');
  private readonly held = new Map<string, PortalPasswordDeliveryRequest>();

  async hold(request: PortalPasswordDeliveryRequest): Promise<void> {
    this.held.set(request.customerId, request);
    this.logger.warn(
      `Portal password ${request.regenerationId} of customer ${request.customerId} is NOT sent: no sends outbox is wired to PORTAL_PASSWORD_DELIVERY`,
    );
  }

  /** The password held for a regeneration, removed as it is taken; null if none. */
  take(regenerationId: string): PortalPasswordDeliveryRequest | null {
    for (const [customerId, request] of this.held)
      if (request.regenerationId === regenerationId) {
        this.held.delete(customerId);
        return request;
      }
    return null;
  }
}
