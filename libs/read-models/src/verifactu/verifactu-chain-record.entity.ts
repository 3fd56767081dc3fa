import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ChainRecord, TipoFactura } from '@app/domain';
import { numberColumn } from '../customers/column-transformers';

/**
 * One record of an issuer's VERI*FACTU chain (rule 22), as its event recorded it, in chain
 * order (`sequence`: the chain stream's revision). For the chain's pages only: the verification
 * reads the log, never this table.
 */
@Entity({ name: 'verifactu_chain_records' })
export class VerifactuChainRecordRow {
  @PrimaryColumn({ type: 'text', name: 'record_id' }) recordId!: string;
  @Column({ type: 'text', name: 'issuer_id' }) issuerId!: string;
  /** 0-based place in the issuer's chain: the revision of its event in the chain stream. */
  @Column({ type: 'bigint', transformer: numberColumn }) sequence!: number;
  @Column({ type: 'text' }) kind!: ChainRecord['kind'];
  @Column({ type: 'text', name: 'invoice_id' }) invoiceId!: string;
  /** The invoice or credit note registered; null on a cancellation. */
  @Column({ type: 'text', name: 'document_id', nullable: true }) documentId!: string | null;
  @Column({ type: 'text', name: 'num_serie' }) numSerie!: string;
  @Column({ type: 'text', name: 'issue_date' }) issueDate!: string;
  @Column({ type: 'text', name: 'tipo_factura', nullable: true })
  tipoFactura!: TipoFactura | null;
  @Column({
    type: 'bigint',
    name: 'importe_total_cents',
    nullable: true,
    transformer: numberColumn,
  })
  importeTotalCents!: number | null;
  @Column({ type: 'text' }) huella!: string;
  @Column({ type: 'text', name: 'generated_at' }) generatedAt!: string;
  /** The whole record as its event holds it. */
  @Column({ type: 'jsonb' }) record!: ChainRecord;
  @Column({ type: 'bigint', transformer: numberColumn }) position!: number;
}
