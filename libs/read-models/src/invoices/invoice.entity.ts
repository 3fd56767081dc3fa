import type {
  BillingLine,
  InvoiceCustomerSnapshot,
  InvoiceIssuerSnapshot,
  PaymentMethod,
  RecordedPayment,
} from '@app/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numberColumn } from '../customers/column-transformers';

/**
 * One row per issued invoice: what `InvoiceIssued` said (never changed, R9; the customer as it
 * was then, R15; the charged IBAN masked, R4) and what its credit notes, payments and effects
 * add up to, counted as the domain's balance helpers count.
 */
@Entity({ name: 'invoices' })
export class InvoiceRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId!: string;
  @Column({ type: 'text', name: 'contract_id' }) contractId!: string;
  @Column({ type: 'text' }) series!: string;
  @Column({ type: 'integer' }) number!: number;
  @Column({ type: 'text' }) formatted!: string;
  @Column({ type: 'text', name: 'period_from' }) periodFrom!: string;
  @Column({ type: 'text', name: 'period_to' }) periodTo!: string;
  @Column({ type: 'text', name: 'cycle_period' }) cyclePeriod!: string;
  @Column({ type: 'text', name: 'issue_date' }) issueDate!: string;
  @Column({ type: 'text', name: 'due_date' }) dueDate!: string;
  @Column({ type: 'jsonb', name: 'customer_snapshot' }) customerSnapshot!: InvoiceCustomerSnapshot;
  /** The issuer as it was when the invoice was issued (rule 21); null before issuers existed. */
  @Column({ type: 'jsonb', nullable: true }) issuer!: InvoiceIssuerSnapshot | null;
  @Column({ type: 'text', name: 'masked_iban', nullable: true }) maskedIban!: string | null;
  @Column({ type: 'text', name: 'payment_method' }) paymentMethod!: PaymentMethod;
  @Column({ type: 'jsonb' }) lines!: BillingLine[];
  @Column({ type: 'bigint', name: 'net_cents', transformer: numberColumn }) netCents!: number;
  @Column({ type: 'bigint', name: 'vat_cents', transformer: numberColumn }) vatCents!: number;
  @Column({ type: 'bigint', name: 'total_cents', transformer: numberColumn }) totalCents!: number;
  @Column({ type: 'bigint', name: 'credited_cents', transformer: numberColumn })
  creditedCents!: number;
  /** Payments plus effects collected and not returned. */
  @Column({ type: 'bigint', name: 'paid_cents', transformer: numberColumn }) paidCents!: number;
  @Column({ type: 'bigint', name: 'outstanding_cents', transformer: numberColumn })
  outstandingCents!: number;
  @Column({ type: 'bigint', name: 'available_credit_cents', transformer: numberColumn })
  availableCreditCents!: number;
  @Column({ type: 'bigint', name: 'pending_effects_cents', transformer: numberColumn })
  pendingEffectsCents!: number;
  @Column({ type: 'jsonb' }) payments!: RecordedPayment[];
  /** Rule 22: when it was annulled (it owes nothing), and why; null while it stands. */
  @Column({ type: 'text', name: 'cancelled_at', nullable: true }) cancelledAt!: string | null;
  @Column({ type: 'text', name: 'cancellation_reason', nullable: true })
  cancellationReason!: string | null;
  /** Revision of the last event of the invoice's stream applied here: older ones are skipped. */
  @Column({ type: 'bigint', name: 'last_revision', transformer: numberColumn })
  lastRevision!: number;
  @Column({ type: 'timestamptz', name: 'issued_at' }) issuedAt!: Date;
  @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
}

/** A credit note ("abono") in its rectifying series (R8), positive amounts given back. */
@Entity({ name: 'invoice_credit_notes' })
export class InvoiceCreditNoteRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'invoice_id' }) invoiceId!: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId!: string;
  @Column({ type: 'text' }) series!: string;
  @Column({ type: 'integer' }) number!: number;
  @Column({ type: 'text' }) formatted!: string;
  @Column({ type: 'text' }) rectifies!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'jsonb' }) lines!: BillingLine[];
  @Column({ type: 'bigint', name: 'net_cents', transformer: numberColumn }) netCents!: number;
  @Column({ type: 'bigint', name: 'vat_cents', transformer: numberColumn }) vatCents!: number;
  @Column({ type: 'bigint', name: 'total_cents', transformer: numberColumn }) totalCents!: number;
  @Column({ type: 'text', name: 'migration_id', nullable: true }) migrationId!: string | null;
  @Column({ type: 'text', name: 'granted_at' }) grantedAt!: string;
  /** The date its series gave it (dates follow numbers); null on credit notes granted before. */
  @Column({ type: 'text', name: 'issue_date', nullable: true }) issueDate!: string | null;
  @Column({ type: 'bigint', transformer: numberColumn }) position!: number;
}
