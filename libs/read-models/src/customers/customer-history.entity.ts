import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One field's before and after; IBANs in it are masked. */
export interface HistoryChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * The history tab (rule R13): one row per event that touched a customer, whichever stream it
 * came from (`customer-…` now; contracts, subscriptions and invoices later), derived only
 * from the log.
 */
@Entity({ name: 'customer_history' })
export class CustomerHistoryRow {
  @Column({ type: 'uuid', name: 'event_id' }) eventId!: string;
  @Column({ type: 'uuid', name: 'customer_id' }) customerId!: string;
  @Column({ type: 'text' }) stream!: string;
  /**
   * Log position, exact: the line's key (one line per event; growing, so new lines go to the
   * end of the index), it orders the tab and answers `X-Min-Position`.
   */
  @PrimaryColumn({ type: 'bigint' }) position!: string;
  @Column({ type: 'timestamptz', name: 'occurred_at' }) occurredAt!: Date;
  @Column({ type: 'text' }) actor!: string;
  /** The API key the change came through, which vouches for `actor`; null if not recorded. */
  @Column({ type: 'text', nullable: true }) via!: string | null;
  @Column({ type: 'text', name: 'correlation_id' }) correlationId!: string;
  @Column({ type: 'text', name: 'causation_id', nullable: true }) causationId!: string | null;
  @Column({ type: 'text', name: 'event_type' }) eventType!: string;
  @Column({ type: 'text' }) summary!: string;
  @Column({ type: 'jsonb' }) changes!: HistoryChange[];
  @Column({ type: 'text', name: 'bulk_operation_id', nullable: true })
  bulkOperationId!: string | null;
}
