import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EstimateLine, RecordedEstimateStatus } from '@app/domain';
import { numberColumn } from '../customers/column-transformers';

/**
 * One estimate (rule 29) as its events leave it: the customer's tab, its blocks and the PDF.
 * `state` is what was recorded; `expired` is read off `validUntil` by the queries, on the day
 * they are asked.
 */
@Entity({ name: 'estimates' })
export class EstimateRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId!: string;
  @Column({ type: 'text' }) state!: RecordedEstimateStatus;
  @Column({ type: 'jsonb' }) lines!: EstimateLine[];
  @Column({ type: 'integer', name: 'line_count' }) lineCount!: number;
  @Column({ type: 'bigint', name: 'net_cents', transformer: numberColumn }) netCents!: number;
  @Column({ type: 'bigint', name: 'vat_cents', transformer: numberColumn }) vatCents!: number;
  @Column({ type: 'bigint', name: 'total_cents', transformer: numberColumn }) totalCents!: number;
  @Column({ type: 'text', name: 'valid_until' }) validUntil!: string;
  @Column({ type: 'text', nullable: true }) notes!: string | null;
  /** Why the customer declined it, if they said. */
  @Column({ type: 'text', name: 'rejection_reason', nullable: true }) rejectionReason!:
    string | null;
  /** Once accepted: the contract drafted and the subscriptions requested. */
  @Column({ type: 'text', name: 'contract_id', nullable: true }) contractId!: string | null;
  @Column({ type: 'jsonb', name: 'subscription_ids' }) subscriptionIds!: string[];
  /** The acceptance's process is done (`EstimateFulfilled`). */
  @Column({ type: 'boolean' }) fulfilled!: boolean;
  /** Events of its stream applied: the version commands answer and If-Match takes. */
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'text', name: 'created_at' }) createdAt!: string;
  @Column({ type: 'text', name: 'answered_at', nullable: true }) answeredAt!: string | null;
  @Column({ type: 'text', name: 'updated_at' }) updatedAt!: string;
}
