import type {
  BillingMode,
  Discount,
  ExtraCharge,
  SubscriptionStatus,
  SuspendedBy,
  TariffPeriod,
} from '@app/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numberColumn } from '../customers/column-transformers';

/**
 * One row per subscription, for its contract on the customer's contracts tab. `billable` and
 * `serviceActive` spell rule R5 out for readers: only `active` is invoiced; `active` and
 * `active-not-billable` keep the service on. Dates are as the events recorded them.
 */
@Entity({ name: 'customer_subscriptions' })
export class CustomerSubscriptionRow {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'uuid', name: 'contract_id' }) contractId!: string;
  @Column({ type: 'uuid', name: 'customer_id' }) customerId!: string;
  @Column({ type: 'text' }) status!: SubscriptionStatus;
  @Column({ type: 'boolean' }) billable!: boolean;
  @Column({ type: 'boolean', name: 'service_active' }) serviceActive!: boolean;
  /** The latest tariff and price (possibly from a future day: see the timeline). */
  @Column({ type: 'text' }) tariff!: string;
  /** `tariff` folded (`foldForSearch`): the customer list's `tariff` filter compares with it. */
  @Column({ type: 'text', name: 'tariff_folded' }) tariffFolded!: string;
  @Column({ type: 'bigint', name: 'monthly_price_cents', transformer: numberColumn })
  monthlyPriceCents!: number;
  @Column({ type: 'text', name: 'billing_mode' }) billingMode!: BillingMode;
  /** Oldest first, as billing prices periods with it (rule R10). */
  @Column({ type: 'jsonb', name: 'tariff_timeline' }) tariffTimeline!: TariffPeriod[];
  @Column({ type: 'jsonb' }) discounts!: Discount[];
  @Column({ type: 'jsonb', name: 'extra_charges' }) extraCharges!: ExtraCharge[];
  @Column({ type: 'text', name: 'requested_at' }) requestedAt!: string;
  @Column({ type: 'text', name: 'activated_at', nullable: true }) activatedAt!: string | null;
  /** When it entered its current status. */
  @Column({ type: 'text', name: 'status_since' }) statusSince!: string;
  /** Why it was rejected, suspended, made not billable or cancelled, when said. */
  @Column({ type: 'text', name: 'status_reason', nullable: true }) statusReason!: string | null;
  /** While suspended: by an operator or by the system for debt ("deshabilitado por sistema", R20). */
  @Column({ type: 'text', name: 'suspended_by', nullable: true }) suspendedBy!: SuspendedBy | null;

  /** Revision of the last event of the subscription's stream applied here. */
  @Column({ type: 'bigint', name: 'last_revision', transformer: numberColumn })
  lastRevision!: number;
  @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  @Column({ type: 'text', name: 'last_modified_by' }) lastModifiedBy!: string;
}
