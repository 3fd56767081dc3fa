import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numberColumn } from '../customers/column-transformers';

export const OUTBOX_STATUSES = ['pending', 'sent', 'accepted', 'rejected', 'error'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * One VERI*FACTU chain record and where its submission to AEAT stands: `pending` (in no
 * submission, or prepared and not yet posted), `sent` (posted, no answer yet), `accepted`,
 * `rejected` (with AEAT's code), `error` (the last post failed and is retried, or AEAT refused
 * the request whole).
 */
@Entity({ name: 'verifactu_outbox' })
export class VerifactuOutboxRow {
  @PrimaryColumn({ type: 'text', name: 'record_id' }) recordId!: string;
  @Column({ type: 'text', name: 'issuer_id' }) issuerId!: string;
  @Column({ type: 'text', name: 'issuer_nif' }) issuerNif!: string;
  @Column({ type: 'text', name: 'num_serie' }) numSerie!: string;
  @Column({ type: 'text', name: 'issue_date' }) issueDate!: string;
  @Column({ type: 'text' }) kind!: 'registration' | 'cancellation';
  @Column({ type: 'text', name: 'tipo_factura', nullable: true }) tipoFactura!: string | null;
  @Column({ type: 'text', name: 'generated_at' }) generatedAt!: string;
  /** The chain event's log position: the chain's order. */
  @Column({ type: 'bigint', name: 'chain_position', transformer: numberColumn })
  chainPosition!: number;
  @Column({ type: 'text' }) status!: OutboxStatus;
  @Column({ type: 'integer', name: 'error_code', nullable: true }) errorCode!: number | null;
  @Column({ type: 'text', name: 'error_description', nullable: true })
  errorDescription!: string | null;
  @Column({ type: 'text', name: 'submission_id', nullable: true }) submissionId!: string | null;
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ type: 'text', name: 'updated_at' }) updatedAt!: string;
  /** The log position of the last event applied: a replayed event changes nothing. */
  @Column({ type: 'bigint', name: 'last_position', transformer: numberColumn })
  lastPosition!: number;
}
