import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PostalAddress } from '@app/domain';

/** One issuer (rule 21) as its events leave it: the list, the detail and the series lookup. */
@Entity({ name: 'issuers' })
export class IssuerRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'legal_name' }) legalName!: string;
  @Column({ type: 'text' }) nif!: string;
  @Column({ type: 'jsonb' }) address!: PostalAddress;
  @Column({ type: 'text', name: 'creditor_id', nullable: true }) creditorId!: string | null;
  @Column({ type: 'text', name: 'creditor_iban', nullable: true }) creditorIban!: string | null;
  @Column({ type: 'text', name: 'creditor_bic', nullable: true }) creditorBic!: string | null;
  @Column({ type: 'integer', name: 'returned_debit_fee_cents' }) returnedDebitFeeCents!: number;
  @Column({ type: 'text', name: 'dunning_policy' }) dunningPolicy!: string;
  /** The invoice series it owns, a JSON array of codes (`series @> '["F2026"]'` finds the owner). */
  @Column({ type: 'jsonb' }) series!: string[];
  /** Events of its stream applied: the version commands answer and If-Match takes. */
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'text', name: 'registered_at' }) registeredAt!: string;
  @Column({ type: 'text', name: 'updated_at' }) updatedAt!: string;
}
