import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FormAnswers, FormVersion } from '@app/domain';

/** A form definition with every version it had: `GET /forms`, and the labels a fill shows. */
@Entity({ name: 'forms' })
export class FormRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  /** The current version's name. */
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) status!: 'active' | 'retired';
  @Column({ type: 'integer', name: 'current_version' }) currentVersion!: number;
  /** Every version, oldest first (`versions[n - 1]` is version n). */
  @Column({ type: 'jsonb' }) versions!: FormVersion[];
  /** Events of its stream applied: the version commands answer and If-Match takes. */
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'text', name: 'created_at' }) createdAt!: string;
  @Column({ type: 'text', name: 'updated_at' }) updatedAt!: string;
}

/** A form filled for a customer, bound to the version it was filled with. */
@Entity({ name: 'filled_forms' })
export class FilledFormRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId!: string;
  @Column({ type: 'text', name: 'form_id' }) formId!: string;
  @Column({ type: 'integer', name: 'form_version' }) formVersion!: number;
  @Column({ type: 'text', name: 'form_name' }) formName!: string;
  /** The customer's answers; `{}` once the customer's personal data is erased. */
  @Column({ type: 'jsonb' }) answers!: FormAnswers;
  @Column({ type: 'boolean' }) erased!: boolean;
  @Column({ type: 'integer' }) version!: number;
  /** Position of the fill in the log: newest first, ties impossible. */
  @Column({ type: 'bigint', name: 'filled_position' }) filledPosition!: string;
  @Column({ type: 'text', name: 'filled_at' }) filledAt!: string;
  @Column({ type: 'text', name: 'updated_at' }) updatedAt!: string;
}
