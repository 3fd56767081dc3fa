import type { PaymentMethod } from '@app/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numberColumn } from '../customers/column-transformers';

export type CustomerContractStatus = 'draft' | 'signed' | 'terminated' | 'deleted';

/**
 * One row per contract ("Firmas/Contratos"), for its customer's contracts tab. The signature's
 * IBAN is kept masked and as a fingerprint, never in full (rule R4): billing reads the log.
 * Dates are as the events recorded them, a calendar day or a date-time.
 */
@Entity({ name: 'customer_contracts' })
export class CustomerContractRow {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'uuid', name: 'customer_id' }) customerId!: string;
  @Column({ type: 'text' }) status!: CustomerContractStatus;
  @Column({ type: 'text', name: 'payment_method' }) paymentMethod!: PaymentMethod;
  @Column({ type: 'text', name: 'masked_iban', nullable: true }) maskedIban!: string | null;
  /** SHA-256 of the signature's normalised IBAN (`ibanFingerprint`): compared, never shown. */
  @Column({ type: 'text', name: 'iban_fingerprint', nullable: true })
  ibanFingerprint!: string | null;
  @Column({ type: 'text', name: 'mandate_reference', nullable: true })
  mandateReference!: string | null;
  @Column({ type: 'text', nullable: true }) signatory!: string | null;
  @Column({ type: 'text', name: 'drafted_at' }) draftedAt!: string;
  @Column({ type: 'text', name: 'signed_at', nullable: true }) signedAt!: string | null;
  @Column({ type: 'text', name: 'terminated_at', nullable: true }) terminatedAt!: string | null;
  @Column({ type: 'text', name: 'termination_reason', nullable: true })
  terminationReason!: string | null;
  /** The return code that invalidated the mandate (rule 19), until a new one is signed. */
  @Column({ type: 'text', name: 'mandate_invalidated', nullable: true })
  mandateInvalidated!: string | null;
  @Column({ type: 'text', name: 'deleted_at', nullable: true }) deletedAt!: string | null;

  /** Revision of the last event of the contract's stream applied here: older ones are skipped. */
  @Column({ type: 'bigint', name: 'last_revision', transformer: numberColumn })
  lastRevision!: number;
  @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  @Column({ type: 'text', name: 'last_modified_by' }) lastModifiedBy!: string;
}
