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
