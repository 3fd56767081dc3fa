import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numberColumn } from '../customers/column-transformers';

export const SEND_STATUSES = ['queued', 'sent', 'failed'] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];

/**
 * One message of the sends tab (rule 25) and where its delivery stands: `queued` (waiting, or
 * being tried again from `next_attempt_at`), `sent`, `failed` (given up). The delivery worker
 * finds the messages due here; it decides on each message's stream, never on this row.
 */
@Entity({ name: 'sends' })
export class SendRow {
  @PrimaryColumn({ type: 'uuid', name: 'message_id' }) messageId!: string;
  @Column({ type: 'uuid', name: 'customer_id' }) customerId!: string;
  @Column({ type: 'text' }) channel!: 'email' | 'sms';
  @Column({ type: 'text' }) recipient!: string;
  @Column({ type: 'text' }) template!: string;
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text' }) status!: SendStatus;
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ type: 'text', name: 'last_error', nullable: true }) lastError!: string | null;
  @Column({ type: 'text', name: 'source_type' }) sourceType!: string;
  @Column({ type: 'text', name: 'queued_at' }) queuedAt!: string;
  @Column({ type: 'text', name: 'sent_at', nullable: true }) sentAt!: string | null;
  @Column({ type: 'text', name: 'failed_at', nullable: true }) failedAt!: string | null;
  @Column({ type: 'text', name: 'next_attempt_at', nullable: true }) nextAttemptAt!: string | null;
  @Column({ type: 'text', name: 'lease_until', nullable: true }) leaseUntil!: string | null;
  /** The MessageQueued event's log position: the tab's order. */
  @Column({ type: 'bigint', name: 'queued_position', transformer: numberColumn })
  queuedPosition!: number;
  /** The log position of the last event applied: a replayed event changes nothing. */
  @Column({ type: 'bigint', name: 'last_position', transformer: numberColumn })
  lastPosition!: number;
}
