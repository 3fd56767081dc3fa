import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One interest of a customer (seed 003) as its events leave it; a removed one stays, flagged. */
@Entity({ name: 'customer_interests' })
export class CustomerInterestRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId!: string;
  @Column({ type: 'text' }) product!: string;
  @Column({ type: 'text', name: 'tariff_id', nullable: true }) tariffId!: string | null;
  @Column({ type: 'text', name: 'contact_id', nullable: true }) contactId!: string | null;
  /** Personal: `null` once the customer is erased. */
  @Column({ type: 'text', name: 'contact_name', nullable: true }) contactName!: string | null;
  @Column({ type: 'text', name: 'shown_on' }) shownOn!: string;
  /** Personal: `null` once the customer is erased. */
  @Column({ type: 'text', nullable: true }) notes!: string | null;
  @Column({ type: 'boolean' }) removed!: boolean;
  /** The customer stream's revision of the last event applied (idempotency). */
  @Column({ type: 'integer', name: 'last_revision' }) lastRevision!: number;
  @Column({ type: 'text', name: 'recorded_at' }) recordedAt!: string;
  @Column({ type: 'text', name: 'updated_at' }) updatedAt!: string;
}
