import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One catalog entry (rule 28): zone, seller, collector or tariff, as its events leave it. */
@Entity({ name: 'catalog_entries' })
export class CatalogEntryRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  /** `zone`, `seller`, `collector` or `tariff`. */
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) name!: string;
  /** The name folded (case and accents dropped): what names are compared and sorted by. */
  @Column({ type: 'text', name: 'name_key' }) nameKey!: string;
  /** A tariff's terms; `null` for the other kinds. */
  @Column({ type: 'integer', name: 'monthly_price_cents', nullable: true })
  monthlyPriceCents!: number | null;
  @Column({ type: 'integer', name: 'vat_rate_percent', nullable: true })
  vatRatePercent!: number | null;
  @Column({ type: 'text', name: 'billing_mode', nullable: true }) billingMode!: string | null;
  @Column({ type: 'boolean' }) active!: boolean;
  @Column({ type: 'text', name: 'retired_at', nullable: true }) retiredAt!: string | null;
  /** Events of its stream applied: the version commands answer and If-Match takes. */
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'text', name: 'created_at' }) createdAt!: string;
  @Column({ type: 'text', name: 'updated_at' }) updatedAt!: string;
}
