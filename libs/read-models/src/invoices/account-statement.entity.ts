import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numberColumn } from '../customers/column-transformers';

export const INVOICE_TRANSACTION_KINDS = [
  'invoice',
  'credit-note',
  'payment',
  'effect-created',
  'effect-collected',
  'effect-returned',
  'effect-remitted',
  'effect-reduced',
  'effect-cancelled',
  'credit-out',
  'credit-in',
  'invoice-cancelled',
] as const;
export type InvoiceTransactionKind = (typeof INVOICE_TRANSACTION_KINDS)[number];

/**
 * One line of the account statement per invoice event. `amountCents` is what the event did to
 * what the customer owes (an invoice +, a credit note, payment or collection −, a return of
 * collected money +, an effect sent to the bank 0), so the statement's balance is their sum;
 * `documentCents` is the document's own amount, positive, for display.
 */
@Entity({ name: 'invoice_transactions' })
export class InvoiceTransactionRow {
  @Column({ type: 'uuid', name: 'event_id' }) eventId!: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId!: string;
  @Column({ type: 'text', name: 'invoice_id' }) invoiceId!: string;
  /** Revision in the invoice's stream: the newest one per invoice guards against replays. */
  @Column({ type: 'bigint', transformer: numberColumn }) revision!: number;
  @Column({ type: 'text' }) kind!: InvoiceTransactionKind;
  /** The invoice's or credit note's number, the payment's or effect's id. */
  @Column({ type: 'text' }) reference!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'bigint', name: 'document_cents', transformer: numberColumn })
  documentCents!: number;
  @Column({ type: 'bigint', name: 'amount_cents', transformer: numberColumn })
  amountCents!: number;
  /** The business date the event carries (issue date, paid at…), as recorded. */
  @Column({ type: 'text', name: 'occurred_at' }) occurredAt!: string;
  @Column({ type: 'timestamptz', name: 'recorded_at' }) recordedAt!: Date;
  /** Log position: the line's key (one line per event; growing, so new lines go to the end). */
  @PrimaryColumn({ type: 'bigint', transformer: numberColumn }) position!: number;
}

export type PendingEffectStatus = 'pending' | 'collected' | 'returned' | 'cancelled';

/** A direct-debit effect ("efecto") and what the bank did with it; the IBAN only masked (R4). */
@Entity({ name: 'pending_effects' })
export class PendingEffectRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'invoice_id' }) invoiceId!: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId!: string;
  @Column({ type: 'bigint', name: 'amount_cents', transformer: numberColumn })
  amountCents!: number;
  @Column({ type: 'text', name: 'due_date' }) dueDate!: string;
  @Column({ type: 'text' }) status!: PendingEffectStatus;
  @Column({ type: 'text', name: 'masked_iban' }) maskedIban!: string;
  @Column({ type: 'text', name: 'created_at' }) createdAt!: string;
  @Column({ type: 'text', name: 'collected_at', nullable: true }) collectedAt!: string | null;
  @Column({ type: 'text', name: 'returned_at', nullable: true }) returnedAt!: string | null;
  @Column({ type: 'text', name: 'return_reason', nullable: true }) returnReason!: string | null;
  /** The bank's ISO return reason code (rule 19), when the return gave one. */
  @Column({ type: 'text', name: 'return_code', nullable: true }) returnCode!: string | null;
  /** The remittance it went to the bank in (rule 18); after that it is not changed (rule 17). */
  @Column({ type: 'text', name: 'remittance_id', nullable: true }) remittanceId!: string | null;
  @Column({ type: 'text', name: 'cancelled_at', nullable: true }) cancelledAt!: string | null;
}
