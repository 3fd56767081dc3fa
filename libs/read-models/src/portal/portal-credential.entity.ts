import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Rule 26: the portal password a customer logs in with, as its salted hash only
 * (`scrypt$N$r$p$salt$hash`): never the password. `regenerationId` names the password, so a
 * portal token signed for an earlier one no longer opens anything. Gone when the customer is
 * deleted or its personal data erased.
 */
@Entity({ name: 'portal_credentials' })
export class PortalCredentialRow {
  @PrimaryColumn({ type: 'uuid', name: 'customer_id' }) customerId!: string;
  @Column({ type: 'text', name: 'password_hash' }) passwordHash!: string;
  @Column({ type: 'text', name: 'regeneration_id' }) regenerationId!: string;
  @Column({ type: 'text', name: 'regenerated_at' }) regeneratedAt!: string;
  /** The revision of the customer's stream it was written at: an older event changes nothing. */
  @Column({ type: 'bigint', name: 'last_revision' }) lastRevision!: string;
}
