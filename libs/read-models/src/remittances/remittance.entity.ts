import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Creditor, ExcludedEffect, PainVersion, RemittedTransaction } from '@app/domain';
import { numberColumn } from '../customers/column-transformers';

/**
 * One remittance as `RemittanceCreated` recorded it. `transactions` and `creditor` hold the full
 * IBANs the SEPA file needs (it is written again from them on each download); the views show
 * them masked (rule 4).
 */
@Entity({ name: 'remittances' })
export class RemittanceRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'issuer_id' }) issuerId!: string;
  @Column({ type: 'text', name: 'collection_date' }) collectionDate!: string;
  @Column({ type: 'text', name: 'due_until' }) dueUntil!: string;
  @Column({ type: 'text', name: 'pain_version' }) painVersion!: PainVersion;
  @Column({ type: 'text', name: 'message_id' }) messageId!: string;
  @Column({ type: 'text', name: 'created_at' }) createdAt!: string;
  @Column({ type: 'integer' }) effects!: number;
  @Column({ type: 'bigint', name: 'total_cents', transformer: numberColumn }) totalCents!: number;
  @Column({ type: 'jsonb' }) creditor!: Creditor;
  @Column({ type: 'jsonb' }) transactions!: RemittedTransaction[];
  @Column({ type: 'jsonb' }) excluded!: ExcludedEffect[];
  /** The ledger stream's revision of its event: a replay skips what is already here. */
  @Column({ type: 'bigint', name: 'last_revision', transformer: numberColumn })
  lastRevision!: number;
  @Column({ type: 'bigint', transformer: numberColumn }) position!: number;
}
