import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RenewableStatus, RenewalUnit } from '@app/domain';

/** One renewable product (seed 003) as its events leave it: the customer's tab and the to-do list. */
@Entity({ name: 'renewables' })
export class RenewableRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId!: string;
  @Column({ type: 'text', name: 'product_code' }) productCode!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'text', name: 'purchased_on' }) purchasedOn!: string;
  @Column({ type: 'integer', name: 'period_every' }) periodEvery!: number;
  @Column({ type: 'text', name: 'period_unit' }) periodUnit!: RenewalUnit;
  @Column({ type: 'text', name: 'next_renewal_on' }) nextRenewalOn!: string;
  @Column({ type: 'integer', name: 'periods_renewed' }) periodsRenewed!: number;
  @Column({ type: 'text', name: 'last_renewed_on', nullable: true }) lastRenewedOn!: string | null;
  @Column({ type: 'text' }) status!: RenewableStatus;
  @Column({ type: 'text', name: 'lapsed_on', nullable: true }) lapsedOn!: string | null;
  /** Events of its stream applied: the version commands answer and If-Match takes. */
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'text', name: 'registered_at' }) registeredAt!: string;
  @Column({ type: 'text', name: 'updated_at' }) updatedAt!: string;
}
