import type { RecordedEvent } from '@app/event-store';
import type { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import {
  isRecordedCustomerEvent,
  RecordedCustomerEvent,
} from '../customers/recorded-customer-event';

/** The customer events that give or take away portal credentials. */
export const PORTAL_CREDENTIAL_EVENT_TYPES = [
  'PortalPasswordRegenerated',
  'CustomerDeleted',
  'CustomerPersonalDataErased',
] as const satisfies readonly RecordedCustomerEvent['type'][];

type CredentialEvent = Extract<
  RecordedCustomerEvent,
  { type: (typeof PORTAL_CREDENTIAL_EVENT_TYPES)[number] }
>;

const isCredentialEvent = (event: RecordedEvent): event is CredentialEvent =>
  isRecordedCustomerEvent(event) &&
  (PORTAL_CREDENTIAL_EVENT_TYPES as readonly string[]).includes(event.type);

/**
 * Rule 26's `portal_credentials`: the latest password hash of each customer, the row removed
 * when the customer is deleted or erased. A hash that reads as erased (null: the customer's key
 * is gone, as in a rebuild after the erasure) writes nothing. Idempotent: a row keeps the
 * revision it was written at and an event at or below it changes nothing.
 */
export const portalCredentialsProjection = (): Projection => ({
  name: 'portal-credentials',
  handles: PORTAL_CREDENTIAL_EVENT_TYPES,
  tables: ['portal_credentials'],
  async applyBatch(events, manager) {
    for (const event of events) if (isCredentialEvent(event)) await apply(event, manager);
  },
});

async function apply(event: CredentialEvent, manager: EntityManager): Promise<void> {
  const { customerId } = event.data;
  if (event.type !== 'PortalPasswordRegenerated') {
    await manager.query('DELETE FROM portal_credentials WHERE customer_id = $1', [customerId]);
    return;
  }
  const { regenerationId, passwordHash, regeneratedAt } = event.data;
  if (passwordHash === null) return;
  await manager.query(
    `INSERT INTO portal_credentials
       (customer_id, password_hash, regeneration_id, regenerated_at, last_revision)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (customer_id) DO UPDATE SET
       password_hash = EXCLUDED.password_hash,
       regeneration_id = EXCLUDED.regeneration_id,
       regenerated_at = EXCLUDED.regenerated_at,
       last_revision = EXCLUDED.last_revision
     WHERE portal_credentials.last_revision < EXCLUDED.last_revision`,
    [customerId, passwordHash, regenerationId, regeneratedAt, event.revision.toString()],
  );
}
